WITH "agg1" AS (
  SELECT "g"."_unit" AS "unit_id", avg(CAST((25 * ("g"."i1" - 1)) AS DOUBLE)) AS "v"
  FROM (
    SELECT "r"."_unit" AS "_unit", "r"."unit_id" AS "unit_id", "r"."respondent_id" AS "respondent_id", avg(CAST("r"."score" AS DOUBLE)) AS "i1"
    FROM (
      SELECT "d".*, "c"."ancestor" AS "_unit", max("d"."survey_year") OVER (PARTITION BY "c"."ancestor") AS "_latest"
      FROM "engagement_responses" "d"
      JOIN "_unit_closure" "c" ON ("c"."unit_id" = "d"."unit_id")
      WHERE ("d"."survey_year" <= 2026)
    ) "r"
    WHERE ("r"."survey_year" = "r"."_latest")
    GROUP BY "r"."_unit", "r"."unit_id", "r"."respondent_id"
  ) "g"
  GROUP BY "g"."_unit"
)
SELECT "u"."unit_id" AS "unit_id", CAST("agg1"."v" AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
