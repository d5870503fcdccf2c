WITH "agg1" AS (
  SELECT "r"."_unit" AS "unit_id", sum("r"."amount") AS "a1"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM "operating_costs" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE (("r"."month" >= DATE '2026-01-01') AND ("r"."month" <= DATE '2026-06-01'))
  GROUP BY "r"."_unit"
),
"agg2" AS (
  SELECT "r"."_unit" AS "unit_id", count(*) AS "a1"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM "loans" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE (("r"."disbursed_on" >= DATE '2026-01-01') AND ("r"."disbursed_on" <= DATE '2026-06-30'))
  GROUP BY "r"."_unit"
),
"agg3" AS (
  SELECT "r"."_unit" AS "unit_id", count(*) AS "a1"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM "efforts" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE (("r"."completed_on" >= DATE '2026-01-01') AND ("r"."completed_on" <= DATE '2026-06-30'))
  GROUP BY "r"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((CAST(coalesce("agg1"."a1", 0) AS DOUBLE) / nullif(CAST((coalesce("agg2"."a1", 0) + coalesce("agg3"."a1", 0)) AS DOUBLE), CAST(0 AS DOUBLE))) AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
LEFT JOIN "agg2" "agg2" ON ("agg2"."unit_id" = "u"."unit_id")
LEFT JOIN "agg3" "agg3" ON ("agg3"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
