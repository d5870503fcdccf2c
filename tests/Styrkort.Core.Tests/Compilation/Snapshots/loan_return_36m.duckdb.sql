WITH "agg1" AS (
  SELECT "s"."ancestor" AS "unit_id", CAST(sum("i"."a1_0") AS BIGINT) AS "a1"
  FROM (
    SELECT "r"."unit_id" AS "_key", count(*) AS "a1_0"
    FROM (
      SELECT "d".*
      FROM "loan_ledger" "d"
    ) "r"
    WHERE (("r"."month" >= DATE '2023-07-01') AND ("r"."month" <= DATE '2023-07-01'))
    GROUP BY "r"."unit_id"
  ) "i"
  JOIN "_unit_closure" "s" ON ("s"."unit_id" = "i"."_key")
  GROUP BY "s"."ancestor"
),
"agg2" AS (
  SELECT "s"."ancestor" AS "unit_id", sum("i"."a1_0") AS "a1", sum("i"."a2_0") AS "a2"
  FROM (
    SELECT "r"."unit_id" AS "_key", sum((("r"."interest_income" + "r"."fee_income") - "r"."credit_losses")) AS "a1_0", sum("r"."outstanding_balance") AS "a2_0"
    FROM (
      SELECT "d".*
      FROM "loan_ledger" "d"
    ) "r"
    WHERE (("r"."month" >= DATE '2023-07-01') AND ("r"."month" <= DATE '2026-06-01'))
    GROUP BY "r"."unit_id"
  ) "i"
  JOIN "_unit_closure" "s" ON ("s"."unit_id" = "i"."_key")
  GROUP BY "s"."ancestor"
)
SELECT "u"."unit_id" AS "unit_id", CAST(CASE WHEN coalesce((coalesce("agg1"."a1", 0) > 0), FALSE) THEN (CAST((CAST((100 * CAST(coalesce("agg2"."a1", 0) AS DECIMAL(38,6))) AS DOUBLE) / nullif(CAST((CAST(coalesce("agg2"."a2", 0) AS DOUBLE) / nullif(CAST(36 AS DOUBLE), CAST(0 AS DOUBLE))) AS DOUBLE), CAST(0 AS DOUBLE))) AS DOUBLE) / nullif(CAST(3 AS DOUBLE), CAST(0 AS DOUBLE))) ELSE NULL END AS DOUBLE) AS "value"
FROM "_units" "u"
LEFT JOIN "agg1" "agg1" ON ("agg1"."unit_id" = "u"."unit_id")
LEFT JOIN "agg2" "agg2" ON ("agg2"."unit_id" = "u"."unit_id")
ORDER BY "u"."unit_id"
