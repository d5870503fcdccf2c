WITH "agg1" AS (
  SELECT "s"."ancestor" AS "unit_id", sum("i"."a1_0") AS "a1"
  FROM (
    SELECT "r"."unit_id" AS "_key", sum("r"."amount") AS "a1_0"
    FROM (
      SELECT "d".*
      FROM "loans" "d"
    ) "r"
    WHERE (("r"."disbursed_on" >= DATE '2026-01-01') AND ("r"."disbursed_on" <= DATE '2026-06-30'))
    GROUP BY "r"."unit_id"
  ) "i"
  JOIN "_unit_closure" "s" ON ("s"."unit_id" = "i"."_key")
  GROUP BY "s"."ancestor"
)
SELECT "u"."unit_id" AS "unit_id", CAST(coalesce("agg1"."a1", 0) AS DECIMAL(38,6)) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
