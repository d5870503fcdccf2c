#!/usr/bin/env bash
# Checks the check: breaks almi-quarter.sql in one place at a time and expects the harness to report a difference
# (exit code 2) on DATA. Usage: bench/reference/mutations.sh DATA_FOLDER [PERIOD]
set -u
here=$(dirname "$0")
bench="$here/../Styrkort.Bench/bin/Release/net10.0/Styrkort.Bench.dll"
data=$1 period=${2:-2026-Q2}
broken=$(mktemp --suffix=.sql)
trap 'rm -f "$broken"' EXIT
caught=0 missed=0
while IFS='|' read -r what edit; do
  [ -z "$what" ] && continue
  sed "$edit" "$here/almi-quarter.sql" > "$broken"
  if cmp -s "$broken" "$here/almi-quarter.sql"; then echo "NOT APPLIED  $what"; missed=$((missed + 1)); continue; fi
  dotnet "$bench" --data "$data" --measure check --period "$period" --reference "$broken" > /dev/null 2>&1
  if [ $? -eq 2 ]; then echo "caught       $what"; caught=$((caught + 1)); else echo "MISSED       $what"; missed=$((missed + 1)); fi
done <<'LIST'
stages: established before start on the same day|s/WHEN 'start' THEN 0 WHEN 'expansion' THEN 1 ELSE 2/WHEN 'start' THEN 2 WHEN 'expansion' THEN 1 ELSE 0/
early stage: only start|s/% 3 < 2/% 3 < 1/
SME: revenue bound < instead of <=|s/fi.nr_b <= 50000000/fi.nr_b < 50000000/
SME: asset bound < instead of <=|s/fi.ta_f <= 43000000/fi.ta_f < 43000000/
SME: 250 employees counted (F)|s/fi.emp_f < 250/fi.emp_f <= 250/
SME: 250 employees counted (B)|s/fi.emp_b < 250/fi.emp_b <= 250/
SME: empty employees counted as 0|s/coalesce(fi.emp_b < 250/coalesce(coalesce(fi.emp_b, 0) < 250/
group B: 1330.9999 for 1331|s/>= 1331 \*/>= 1330.9999 */
group B: F-3 revenue of 0 allowed|s/coalesce(fi.nr_f3 > 0 AND/coalesce(fi.nr_f3 >= 0 AND/
group B: unknown backgrounds counted|s/count(foreign_background) AS known_background/count(*) AS known_background/
customers of year F instead of B|s/OR year(l.disbursed_on) = y.b/OR year(l.disbursed_on) = y.f/
ledger: the first-month rule dropped|s/s.ledger_first_month > 0 AND //
ledger: 35 months|s|(CAST(s.ledger_balance AS DOUBLE) / 36)|(CAST(s.ledger_balance AS DOUBLE) / 35)|
KYC: every snapshot, not the latest|s/arg_max(complete, snapshot_on)/sum(complete)/
engagement: the latest year before Y|s/WHERE survey_year <= {year}/WHERE survey_year <= {year} - 1/
engagement: every year, not the latest|s|arg_max(index_sum / respondents, survey_year)|avg(index_sum / respondents)|
engagement: a respondent is its id alone|s/GROUP BY unit_id, survey_year, respondent_id/GROUP BY survey_year, respondent_id/;s/SELECT unit_id, survey_year, 25 \* (avg(score) - 1)/SELECT any_value(unit_id) AS unit_id, survey_year, 25 * (avg(score) - 1)/
NPS: 6 counted as passive|s/score <= 6/score <= 5/
cost per effort: ongoing efforts counted|s/FROM effort_rows WHERE completed_on BETWEEN/FROM effort_rows WHERE coalesce(completed_on, started_on) BETWEEN/
LIST
echo "$caught caught, $missed not"
[ "$missed" -eq 0 ]
