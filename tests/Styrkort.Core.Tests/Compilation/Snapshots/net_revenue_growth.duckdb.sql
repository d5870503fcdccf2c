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
"facts_financials_4" AS (
  SELECT "d"."org_nr" AS "_entity", max("d"."net_revenue") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"))) AS "f1", max("d"."net_revenue") FILTER (WHERE ("d"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year"))) AS "f2"
  FROM "financials" "d"
  WHERE ("d"."fiscal_year" IN ((SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year"), (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year")))
  GROUP BY "d"."org_nr"
),
"members_customers_1" AS MATERIALIZED (
  SELECT "m"."_unit" AS "_unit", "m"."_entity" AS "_entity"
  FROM (
    SELECT "c"."ancestor" AS "_unit", "d"."org_nr" AS "_entity", "d"."disbursed_on" AS "_time", "d"."phase" AS "phase"
    FROM "loans" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
    WHERE (("d"."disbursed_on" >= make_date(CAST((SELECT "value_base_year"."v"
    FROM "value_base_year" "value_base_year") AS INTEGER), 1, 1)) AND ("d"."disbursed_on" <= make_date(CAST((SELECT "value_base_year"."v"
    FROM "value_base_year" "value_base_year") AS INTEGER), 12, 31)))
    UNION ALL
    SELECT "c"."ancestor" AS "_unit", "d"."org_nr" AS "_entity", "d"."started_on" AS "_time", "d"."phase" AS "phase"
    FROM "efforts" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
    WHERE (("d"."started_on" >= make_date(CAST((SELECT "value_base_year"."v"
    FROM "value_base_year" "value_base_year") AS INTEGER), 1, 1)) AND ("d"."started_on" <= make_date(CAST((SELECT "value_base_year"."v"
    FROM "value_base_year" "value_base_year") AS INTEGER), 12, 31)))
  ) "m"
  GROUP BY "m"."_unit", "m"."_entity"
),
"entities_companies_2" AS MATERIALIZED (
  SELECT "e"."org_nr" AS "_entity", coalesce(("facts_financials_4"."f1" > 0), FALSE) AS "x1", ((CAST("facts_financials_4"."f2" AS DOUBLE) / nullif(CAST("facts_financials_4"."f1" AS DOUBLE), CAST(0 AS DOUBLE))) - 1) AS "x2"
  FROM "companies" "e"
  LEFT JOIN "facts_financials_4" "facts_financials_4" ON ("facts_financials_4"."_entity" = "e"."org_nr")
),
"agg3" AS (
  SELECT "p"."_unit" AS "unit_id", median(CAST("x"."x2" AS DOUBLE)) FILTER (WHERE "x"."x1") AS "a1"
  FROM "members_customers_1" "p"
  JOIN "entities_companies_2" "x" ON ("x"."_entity" = "p"."_entity")
  GROUP BY "p"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."a1") AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
