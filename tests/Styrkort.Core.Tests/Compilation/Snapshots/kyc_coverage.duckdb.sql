WITH "agg1" AS (
  SELECT "r"."_unit" AS "unit_id", avg(CASE WHEN "r"."kyc_complete" THEN CAST(1 AS DOUBLE) ELSE CAST(0 AS DOUBLE) END) FILTER (WHERE "r"."relation_active") AS "a1"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM (
      SELECT "d".*, max("d"."snapshot_on") OVER (PARTITION BY "d"."unit_id") AS "_latest"
      FROM "kyc_snapshots" "d"
      WHERE ("d"."snapshot_on" <= DATE '2026-06-30')
    ) "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE ("r"."snapshot_on" = "r"."_latest")
  GROUP BY "r"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((100 * "agg1"."a1") AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
