WITH "members_customers_1" AS MATERIALIZED (
  SELECT "m"."_unit" AS "_unit", "m"."_entity" AS "_entity", (array_agg("m"."phase" ORDER BY "m"."_time", CASE WHEN ("m"."phase" = 'start') THEN 0 WHEN ("m"."phase" = 'expansion') THEN 1 WHEN ("m"."phase" = 'established') THEN 2 END))[1] AS "m1"
  FROM (
    SELECT "c"."ancestor" AS "_unit", "d"."org_nr" AS "_entity", "d"."disbursed_on" AS "_time", "d"."phase" AS "phase"
    FROM "loans" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
    WHERE (("d"."disbursed_on" >= DATE '2026-01-01') AND ("d"."disbursed_on" <= DATE '2026-06-30'))
    UNION ALL
    SELECT "c"."ancestor" AS "_unit", "d"."org_nr" AS "_entity", "d"."started_on" AS "_time", "d"."phase" AS "phase"
    FROM "efforts" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
    WHERE (("d"."started_on" >= DATE '2026-01-01') AND ("d"."started_on" <= DATE '2026-06-30'))
  ) "m"
  GROUP BY "m"."_unit", "m"."_entity"
),
"entities_companies_2" AS MATERIALIZED (
  SELECT "e"."org_nr" AS "_entity"
  FROM "companies" "e"
),
"agg3" AS (
  SELECT "p"."_unit" AS "unit_id", avg(CASE WHEN coalesce(("p"."m1" IN ('start', 'expansion')), FALSE) THEN CAST(1 AS DOUBLE PRECISION) ELSE CAST(0 AS DOUBLE PRECISION) END) AS "a1"
  FROM "members_customers_1" "p"
  JOIN "entities_companies_2" "x" ON ("x"."_entity" = "p"."_entity")
  GROUP BY "p"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg3"."a1") AS DOUBLE PRECISION) AS "value"
FROM "_units" "u"
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
