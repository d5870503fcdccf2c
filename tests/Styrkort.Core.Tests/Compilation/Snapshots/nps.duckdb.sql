WITH "agg1" AS (
  SELECT "s"."ancestor" AS "unit_id", CAST(sum("i"."a1_0") AS BIGINT) AS "a1", CAST(sum("i"."a2_0") AS BIGINT) AS "a2", CAST(sum("i"."a3_0") AS BIGINT) AS "a3"
  FROM (
    SELECT "r"."unit_id" AS "_key", count(*) FILTER (WHERE coalesce(("r"."score" >= 9), FALSE)) AS "a1_0", count(*) FILTER (WHERE coalesce(("r"."score" <= 6), FALSE)) AS "a2_0", count(*) AS "a3_0"
    FROM (
      SELECT "d".*
      FROM "nps_responses" "d"
    ) "r"
    WHERE (("r"."answered_on" >= DATE '2026-01-01') AND ("r"."answered_on" <= DATE '2026-06-30'))
    GROUP BY "r"."unit_id"
  ) "i"
  JOIN "_unit_closure" "s" ON ("s"."unit_id" = "i"."_key")
  GROUP BY "s"."ancestor"
)
SELECT "u"."unit_id" AS "unit_id", CAST((CAST((100 * (coalesce("agg1"."a1", 0) - coalesce("agg1"."a2", 0))) AS DOUBLE) / nullif(CAST(coalesce("agg1"."a3", 0) AS DOUBLE), CAST(0 AS DOUBLE))) AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
