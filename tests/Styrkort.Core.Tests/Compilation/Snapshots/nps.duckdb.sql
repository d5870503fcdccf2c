WITH "agg1" AS (
  SELECT "r"."_unit" AS "unit_id", count(*) FILTER (WHERE coalesce(("r"."score" >= 9), FALSE)) AS "a1", count(*) FILTER (WHERE coalesce(("r"."score" <= 6), FALSE)) AS "a2", count(*) AS "a3"
  FROM (
    SELECT "d".*, "c"."ancestor" AS "_unit"
    FROM "nps_responses" "d"
    JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
  ) "r"
  WHERE (("r"."answered_on" >= DATE '2026-01-01') AND ("r"."answered_on" <= DATE '2026-06-30'))
  GROUP BY "r"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST((CAST((100 * (coalesce("agg1"."a1", 0) - coalesce("agg1"."a2", 0))) AS DOUBLE) / nullif(CAST(coalesce("agg1"."a3", 0) AS DOUBLE), CAST(0 AS DOUBLE))) AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
