WITH "agg1" AS (
  SELECT "r"."_unit" AS "unit_id", count(*) AS "a1"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM "efforts" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE (("r"."completed_on" >= DATE '2026-01-01') AND ("r"."completed_on" <= DATE '2026-06-30'))
  GROUP BY "r"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST(coalesce("agg1"."a1", 0) AS DECIMAL(38,6)) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
