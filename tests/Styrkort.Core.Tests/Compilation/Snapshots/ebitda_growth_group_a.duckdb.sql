WITH "value_latest_fiscal_year" AS MATERIALIZED (
  SELECT (SELECT max("r"."fiscal_year") AS "v"
  FROM (
    SELECT "d".*
    FROM "financials" "d"
  ) "r"
  WHERE coalesce(("r"."fiscal_year" <= (2026 - 1)), FALSE)) AS "v"
),
"value_base_year" AS MATERIALIZED (
  SELECT ((SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year") - 1) AS "v"
),
"facts_financials_2" AS (
  SELECT "d"."org_nr" AS "_entity", max("d"."employees") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"))) AS "f1", max("d"."net_revenue") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"))) AS "f2", max("d"."total_assets") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"))) AS "f3", max("d"."ebitda") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"))) AS "f4", max("d"."ebitda") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"))) AS "f5"
  FROM "financials" "d"
  WHERE ("d"."fiscal_year" IN ((SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"), (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year")))
  GROUP BY "d"."org_nr"
),
"entities_companies_1" AS MATERIALIZED (
  SELECT "e"."org_nr" AS "_entity", (coalesce(("facts_financials_2"."f1" < 250), FALSE) AND (coalesce(("facts_financials_2"."f2" <= (50000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE) OR coalesce(("facts_financials_2"."f3" <= (43000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE))) AS "x1", "e"."region" AS "x2", coalesce(("facts_financials_2"."f4" > 0), FALSE) AS "x3", ((CAST("facts_financials_2"."f5" AS DOUBLE) / nullif(CAST("facts_financials_2"."f4" AS DOUBLE), CAST(0 AS DOUBLE))) - 1) AS "x4"
  FROM "companies" "e"
  LEFT JOIN "facts_financials_2" "facts_financials_2" ON ("facts_financials_2"."_entity" = "e"."org_nr")
),
"agg3" AS (
  SELECT "ur"."unit_id" AS "unit_id", median(CAST("p"."x4" AS DOUBLE)) FILTER (WHERE "p"."x3") AS "a1"
  FROM "entities_companies_1" "p"
  JOIN "_unit_regions" "ur" ON ("ur"."region" = "p"."x2")
  WHERE "p"."x1"
  GROUP BY "ur"."unit_id"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."a1") AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
