WITH "value_latest_fiscal_year" AS MATERIALIZED (
  SELECT (SELECT max("r"."fiscal_year") AS "v"
  FROM (
    SELECT "d".*
    FROM "financials" "d"
  ) "r"
  WHERE coalesce(("r"."fiscal_year" <= (2026 - 1)), FALSE)) AS "v"
),
"facts_financials_2" AS (
  SELECT "d"."org_nr" AS "_entity", max("d"."employees") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"))) AS "f1", max("d"."net_revenue") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"))) AS "f2", max("d"."total_assets") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"))) AS "f3", max("d"."net_revenue") FILTER (WHERE ("d"."fiscal_year" = ((SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year") - 3))) AS "f4"
  FROM "financials" "d"
  WHERE ("d"."fiscal_year" IN ((SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"), ((SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year") - 3)))
  GROUP BY "d"."org_nr"
),
"entities_companies_1" AS MATERIALIZED (
  SELECT "e"."org_nr" AS "_entity", (((coalesce(("facts_financials_2"."f1" < 250), FALSE) AND (coalesce(("facts_financials_2"."f2" <= (50000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE) OR coalesce(("facts_financials_2"."f3" <= (43000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE))) AND coalesce(("facts_financials_2"."f4" > 0), FALSE)) AND coalesce(((1000 * CAST("facts_financials_2"."f2" AS DECIMAL(38,6))) >= (1331 * CAST("facts_financials_2"."f4" AS DECIMAL(38,6)))), FALSE)) AS "x1", "e"."region" AS "x2", coalesce(("e"."leader_gender" IN ('F', 'M')), FALSE) AS "x3", coalesce(("e"."leader_gender" = 'F'), FALSE) AS "x4"
  FROM "companies" "e"
  LEFT JOIN "facts_financials_2" "facts_financials_2" ON ("facts_financials_2"."_entity" = "e"."org_nr")
),
"agg3" AS (
  SELECT "s"."unit_id" AS "unit_id", (sum("i"."a1_0") / nullif(CAST(sum("i"."a1_1") AS DOUBLE), CAST(0 AS DOUBLE))) AS "a1"
  FROM (
    SELECT "p"."x2" AS "_key", sum(CASE WHEN "p"."x4" THEN CAST(1 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END) FILTER (WHERE "p"."x3") AS "a1_0", count(CASE WHEN "p"."x4" THEN CAST(1 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END) FILTER (WHERE "p"."x3") AS "a1_1"
    FROM "entities_companies_1" "p"
    WHERE "p"."x1"
    GROUP BY "p"."x2"
  ) "i"
  JOIN "_unit_regions" "s" ON ("s"."region" = "i"."_key")
  GROUP BY "s"."unit_id"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."a1") AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
