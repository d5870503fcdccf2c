-- Every metric of the twelve Företagspartner goals (samples/almi/goals.yaml), for every unit, for one quarter,
-- written by hand from shared/design/almi-goals.md. One row per unit, one column per metric (named as the metric).
-- The harness substitutes: {year} (Y), {ytd_start} (Y-01-01), {period_end} (the quarter's last day),
-- {rolling_start} (the first of the 36 months), {eur_sek} (the goal file's parameter).
--
-- Shape: each dataset is read once (financials twice: a one-column pass for F, then the pivot); per-company
-- facts and conditions are settled once per company; populations are built once; everything additive is
-- summed per unit_id first and only those few rows are spread up the unit tree.
WITH
-- F, the latest fiscal year at most Y-1, over the whole of financials; B = F-1.
years AS MATERIALIZED (
  SELECT max(fiscal_year) AS f, max(fiscal_year) - 1 AS b
  FROM financials WHERE fiscal_year <= {year} - 1
),
-- One pass over financials: each company's figures for F, B and F-3 side by side. (org_nr, fiscal_year) is a
-- key, so each filtered max is the single row's value, or empty when there is no row.
fin AS (
  SELECT fi.org_nr,
    max(fi.net_revenue)  FILTER (WHERE fi.fiscal_year = y.f)     AS nr_f,
    max(fi.net_revenue)  FILTER (WHERE fi.fiscal_year = y.b)     AS nr_b,
    max(fi.net_revenue)  FILTER (WHERE fi.fiscal_year = y.f - 3) AS nr_f3,
    max(fi.ebitda)       FILTER (WHERE fi.fiscal_year = y.f)     AS eb_f,
    max(fi.ebitda)       FILTER (WHERE fi.fiscal_year = y.b)     AS eb_b,
    max(fi.employees)    FILTER (WHERE fi.fiscal_year = y.f)     AS emp_f,
    max(fi.employees)    FILTER (WHERE fi.fiscal_year = y.b)     AS emp_b,
    max(fi.total_assets) FILTER (WHERE fi.fiscal_year = y.f)     AS ta_f,
    max(fi.total_assets) FILTER (WHERE fi.fiscal_year = y.b)     AS ta_b
  FROM financials fi, years y
  WHERE fi.fiscal_year IN (y.f, y.b, y.f - 3)
  GROUP BY fi.org_nr
),
-- Per company, once: the SME tests (an empty employees or no row: not classified; an empty amount makes only its
-- own condition false), the growth figures where the company is eligible, and group B's growth test (exact:
-- decimals against decimals).
company AS MATERIALIZED (
  SELECT c.org_nr, c.region, c.leader_gender, c.foreign_background,
    coalesce(fi.emp_b < 250 AND (fi.nr_b <= 50000000 * {eur_sek} OR fi.ta_b <= 43000000 * {eur_sek}), false) AS sme_b,
    coalesce(fi.emp_f < 250 AND (fi.nr_f <= 50000000 * {eur_sek} OR fi.ta_f <= 43000000 * {eur_sek}), false)
      AND coalesce(fi.nr_f3 > 0 AND 1000 * CAST(fi.nr_f AS DECIMAL(38, 4)) >= 1331 * CAST(fi.nr_f3 AS DECIMAL(38, 4)), false) AS in_b_group,
    CASE WHEN fi.nr_b > 0 AND fi.nr_f IS NOT NULL THEN CAST(fi.nr_f AS DOUBLE) / CAST(fi.nr_b AS DOUBLE) - 1 END AS g_nr,
    CASE WHEN fi.eb_b > 0 AND fi.eb_f IS NOT NULL THEN CAST(fi.eb_f AS DOUBLE) / CAST(fi.eb_b AS DOUBLE) - 1 END AS g_eb
  FROM companies c LEFT JOIN fin fi ON fi.org_nr = c.org_nr
),
-- Comparison group A: the units' regional SMEs of year B. Medians do not add up, so members are spread to every
-- unit whose regions hold them - only those that count in either median.
group_a AS (
  SELECT ur.unit_id,
    100 * median(c.g_nr) AS net_revenue_growth_group_a,
    100 * median(c.g_eb) AS ebitda_growth_group_a
  FROM company c JOIN _unit_regions ur ON ur.region = c.region
  WHERE c.sme_b AND (c.g_nr IS NOT NULL OR c.g_eb IS NOT NULL)
  GROUP BY ur.unit_id
),
-- Comparison group B: shares add up, so count per region and spread the counts.
group_b_region AS (
  SELECT region,
    count(*) FILTER (WHERE leader_gender IN ('F', 'M')) AS known_gender,
    count(*) FILTER (WHERE leader_gender = 'F') AS women,
    count(foreign_background) AS known_background,
    count(*) FILTER (WHERE foreign_background) AS foreign_bg
  FROM company WHERE in_b_group
  GROUP BY region
),
group_b AS (
  SELECT ur.unit_id,
    100 * CAST(sum(g.women) AS DOUBLE) / nullif(sum(g.known_gender), 0) AS women_share_group_b,
    100 * CAST(sum(g.foreign_bg) AS DOUBLE) / nullif(sum(g.known_background), 0) AS foreign_background_share_group_b
  FROM group_b_region g JOIN _unit_regions ur ON ur.region = g.region
  GROUP BY ur.unit_id
),
-- Loans and efforts, each read once for everything: the customers of year B and of YTD, the volumes of YTD.
loan_rows AS MATERIALIZED (
  SELECT l.org_nr, l.unit_id, l.disbursed_on, l.phase, l.amount
  FROM loans l, years y
  WHERE l.disbursed_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' OR year(l.disbursed_on) = y.b
),
effort_rows AS MATERIALIZED (
  SELECT e.org_nr, e.unit_id, e.started_on, e.completed_on, e.phase
  FROM efforts e, years y
  WHERE e.started_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' OR year(e.started_on) = y.b
     OR e.completed_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}'
),
engagements AS (
  SELECT org_nr, unit_id, disbursed_on AS on_day, phase FROM loan_rows
  UNION ALL
  SELECT e.org_nr, e.unit_id, e.started_on, e.phase FROM effort_rows e, years y
  WHERE e.started_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' OR year(e.started_on) = y.b
),
-- A customer per unit_id that holds its rows: whether it was a customer in year B, and its first engagement in YTD
-- as one number (day, then stage: start < expansion < established), so that the earliest over a subtree is a min.
customer_rows AS (
  SELECT e.unit_id, e.org_nr,
    bool_or(year(e.on_day) = y.b) AS in_year_b,
    min((e.on_day - DATE '1900-01-01') * 3 + CASE e.phase WHEN 'start' THEN 0 WHEN 'expansion' THEN 1 ELSE 2 END)
      FILTER (WHERE e.on_day BETWEEN DATE '{ytd_start}' AND DATE '{period_end}') AS first_ytd
  FROM engagements e, years y
  GROUP BY e.unit_id, e.org_nr
),
-- Unique customers per unit: spread to the ancestors, then one row per (unit, company).
customers AS (
  SELECT uc.ancestor AS unit_id, r.org_nr, bool_or(r.in_year_b) AS in_year_b, min(r.first_ytd) AS first_ytd
  FROM customer_rows r JOIN _unit_closure uc ON uc.unit_id = r.unit_id
  GROUP BY uc.ancestor, r.org_nr
),
customer_metrics AS (
  SELECT cu.unit_id,
    100 * median(c.g_nr) FILTER (WHERE cu.in_year_b) AS net_revenue_growth,
    100 * median(c.g_eb) FILTER (WHERE cu.in_year_b) AS ebitda_growth,
    100 * CAST(count(*) FILTER (WHERE cu.first_ytd % 3 < 2) AS DOUBLE) / nullif(count(cu.first_ytd), 0) AS early_stage_share,
    100 * CAST(count(*) FILTER (WHERE cu.first_ytd IS NOT NULL AND c.leader_gender = 'F') AS DOUBLE)
        / nullif(count(*) FILTER (WHERE cu.first_ytd IS NOT NULL AND c.leader_gender IN ('F', 'M')), 0) AS women_share,
    100 * CAST(count(*) FILTER (WHERE cu.first_ytd IS NOT NULL AND c.foreign_background) AS DOUBLE)
        / nullif(count(*) FILTER (WHERE cu.first_ytd IS NOT NULL AND c.foreign_background IS NOT NULL), 0) AS foreign_background_share
  FROM customers cu JOIN company c ON c.org_nr = cu.org_nr
  GROUP BY cu.unit_id
),
-- Everything additive, summed per unit_id of the rows; one spread for all of it below.
unit_rows AS (
  SELECT unit_id, sum(amount) AS disbursed, count(*) AS loans_ytd
  FROM loan_rows WHERE disbursed_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' GROUP BY unit_id
  UNION ALL BY NAME
  SELECT unit_id, count(*) AS efforts_completed
  FROM effort_rows WHERE completed_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' GROUP BY unit_id
  UNION ALL BY NAME
  SELECT unit_id, sum(amount) AS costs
  FROM operating_costs WHERE month BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' GROUP BY unit_id
  UNION ALL BY NAME
  SELECT unit_id,
    sum(interest_income + fee_income - credit_losses) AS ledger_return,
    sum(outstanding_balance) AS ledger_balance,
    count(*) FILTER (WHERE month = DATE '{rolling_start}') AS ledger_first_month
  FROM loan_ledger WHERE month BETWEEN DATE '{rolling_start}' AND DATE '{period_end}' GROUP BY unit_id
  UNION ALL BY NAME
  SELECT unit_id,
    count(*) AS nps_responses,
    count(*) FILTER (WHERE score >= 9) AS promoters,
    count(*) FILTER (WHERE score <= 6) AS detractors
  FROM nps_responses WHERE answered_on BETWEEN DATE '{ytd_start}' AND DATE '{period_end}' GROUP BY unit_id
  UNION ALL BY NAME
  -- KYC: each unit_id's own latest snapshot up to the period's end, its active relations and the complete ones.
  SELECT unit_id, arg_max(active, snapshot_on) AS kyc_active, arg_max(complete, snapshot_on) AS kyc_complete
  FROM (
    SELECT unit_id, snapshot_on,
      count(*) FILTER (WHERE relation_active) AS active,
      count(*) FILTER (WHERE relation_active AND kyc_complete) AS complete
    FROM kyc_snapshots WHERE snapshot_on <= DATE '{period_end}'
    GROUP BY unit_id, snapshot_on
  ) GROUP BY unit_id
),
unit_sums AS (
  SELECT uc.ancestor AS unit_id,
    coalesce(sum(r.disbursed), 0) AS disbursed,
    coalesce(sum(r.loans_ytd), 0) AS loans_ytd,
    coalesce(sum(r.efforts_completed), 0) AS efforts_completed,
    coalesce(sum(r.costs), 0) AS costs,
    sum(r.ledger_return) AS ledger_return,
    sum(r.ledger_balance) AS ledger_balance,
    coalesce(sum(r.ledger_first_month), 0) AS ledger_first_month,
    coalesce(sum(r.nps_responses), 0) AS nps_responses,
    coalesce(sum(r.promoters), 0) AS promoters,
    coalesce(sum(r.detractors), 0) AS detractors,
    coalesce(sum(r.kyc_active), 0) AS kyc_active,
    coalesce(sum(r.kyc_complete), 0) AS kyc_complete
  FROM unit_rows r JOIN _unit_closure uc ON uc.unit_id = r.unit_id
  GROUP BY uc.ancestor
),
-- Engagement: a respondent is (unit_id, respondent_id); index per respondent, summed per unit_id and survey year,
-- spread, and then each unit takes the latest year with responses anywhere in its subtree.
respondents AS (
  SELECT unit_id, survey_year, 25 * (avg(score) - 1) AS respondent_index
  FROM engagement_responses WHERE survey_year <= {year}
  GROUP BY unit_id, survey_year, respondent_id
),
engagement_rows AS (
  SELECT unit_id, survey_year, sum(respondent_index) AS index_sum, count(*) AS respondents
  FROM respondents GROUP BY unit_id, survey_year
),
engagement_years AS (
  SELECT uc.ancestor AS unit_id, r.survey_year, sum(r.index_sum) AS index_sum, sum(r.respondents) AS respondents
  FROM engagement_rows r JOIN _unit_closure uc ON uc.unit_id = r.unit_id
  GROUP BY uc.ancestor, r.survey_year
),
engagement AS (
  SELECT unit_id, arg_max(index_sum / respondents, survey_year) AS engagement_index
  FROM engagement_years GROUP BY unit_id
)
SELECT u.unit_id,
  cm.net_revenue_growth,
  ga.net_revenue_growth_group_a,
  cm.ebitda_growth,
  ga.ebitda_growth_group_a,
  cm.early_stage_share,
  cm.women_share,
  gb.women_share_group_b,
  cm.foreign_background_share,
  gb.foreign_background_share_group_b,
  CASE WHEN s.ledger_first_month > 0 AND s.ledger_balance <> 0
       THEN 100 * CAST(s.ledger_return AS DOUBLE) / (CAST(s.ledger_balance AS DOUBLE) / 36) / 3 END AS loan_return_36m,
  coalesce(s.disbursed, 0) AS disbursed_loans,
  coalesce(s.efforts_completed, 0) AS completed_efforts,
  CAST(coalesce(s.costs, 0) AS DOUBLE) / nullif(coalesce(s.loans_ytd, 0) + coalesce(s.efforts_completed, 0), 0) AS cost_per_effort,
  e.engagement_index,
  100 * CAST(s.kyc_complete AS DOUBLE) / nullif(s.kyc_active, 0) AS kyc_coverage,
  100 * CAST(s.promoters - s.detractors AS DOUBLE) / nullif(s.nps_responses, 0) AS nps
FROM _units u
LEFT JOIN unit_sums s ON s.unit_id = u.unit_id
LEFT JOIN customer_metrics cm ON cm.unit_id = u.unit_id
LEFT JOIN group_a ga ON ga.unit_id = u.unit_id
LEFT JOIN group_b gb ON gb.unit_id = u.unit_id
LEFT JOIN engagement e ON e.unit_id = u.unit_id
ORDER BY u.unit_id
