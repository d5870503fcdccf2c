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
"agg3" AS (
  SELECT "p"."_unit" AS "unit_id", median(CAST(((CAST("l1"."net_revenue" AS DOUBLE) / nullif(CAST("l2"."net_revenue" AS DOUBLE), CAST(0 AS DOUBLE))) - 1) AS DOUBLE)) AS "v"
  FROM (
    SELECT "ur"."unit_id" AS "_unit", "e0"."org_nr" AS "_entity"
    FROM "companies" "e0"
    JOIN "_unit_regions" "ur" ON ("ur"."region" = "e0"."region")
  ) "p"
  JOIN "companies" "e" ON ("e"."org_nr" = "p"."_entity")
  LEFT JOIN "financials" "l1" ON (("l1"."org_nr" = "p"."_entity") AND ("l1"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year")))
  LEFT JOIN "financials" "l2" ON (("l2"."org_nr" = "p"."_entity") AND ("l2"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year")))
  WHERE ((coalesce(("l2"."employees" < 250), FALSE) AND (coalesce(("l2"."net_revenue" <= (50000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE) OR coalesce(("l2"."total_assets" <= (43000000 * CAST(11.0 AS DECIMAL(38,6)))), FALSE))) AND coalesce(("l2"."net_revenue" > 0), FALSE))
  GROUP BY "p"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."v") AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
