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
  SELECT "p"."_unit" AS "unit_id", percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(((CAST("l1"."net_revenue" AS DOUBLE PRECISION) / nullif(CAST("l2"."net_revenue" AS DOUBLE PRECISION), CAST(0 AS DOUBLE PRECISION))) - 1) AS DOUBLE PRECISION)) AS "v"
  FROM (
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
  ) "p"
  JOIN "companies" "e" ON ("e"."org_nr" = "p"."_entity")
  LEFT JOIN "financials" "l1" ON (("l1"."org_nr" = "p"."_entity") AND ("l1"."fiscal_year" = (SELECT "value_latest_fiscal_year"."v"
  FROM "value_latest_fiscal_year" "value_latest_fiscal_year")))
  LEFT JOIN "financials" "l2" ON (("l2"."org_nr" = "p"."_entity") AND ("l2"."fiscal_year" = (SELECT "value_base_year"."v"
  FROM "value_base_year" "value_base_year")))
  WHERE coalesce(("l2"."net_revenue" > 0), FALSE)
  GROUP BY "p"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."v") AS DOUBLE PRECISION) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
