#!/bin/sh
# A synthetic larger Företagspartner sample for docs/scaling.md: SOURCE's companies (and their financials) copied
# until there are TOTAL companies, each copy's org_nr suffixed with -xN so that keys stay unique; every other file
# (units, the customers' loans, efforts, answers, KYC, the units' ledgers, costs, targets) is SOURCE's as it is.
# This grows what grows with the number of companies in the generator — the stock of companies and its annual
# statements, the comparison groups the growth goals scan — while the customers stay those of SOURCE.
#   bench/multiply-sample.sh /work/benchdata/1200000 /work/benchdata/5000000 5000000
set -eu
source=$1 dest=$2 total=$3
mkdir -p "$dest.partial"
for f in "$source"/*.csv; do
    case $(basename "$f") in companies.csv|financials.csv) ;; *) cp "$f" "$dest.partial/" ;; esac
done
per=$(($(wc -l < "$source/companies.csv") - 1))
# Copy 0 is the source itself; copy N > 0 takes the first companies of the source, as many as are still missing.
awk -v per="$per" -v total="$total" -F, '
    NR == 1 { print; next }
    { line[NR - 1] = $0 }
    END { for (copy = 0; copy * per < total; copy++)
            for (i = 1; i <= per && copy * per + i <= total; i++) {
                l = line[i]; if (copy > 0) sub(/^[^,]*/, "&-x" copy, l); print l } }' \
    "$source/companies.csv" > "$dest.partial/companies.csv"
# A company's financials go where the company went: the same copies, by the company's position in companies.csv.
awk -v per="$per" -v total="$total" -F, '
    FNR == NR { if (FNR > 1) position[$1] = FNR - 1; next }
    FNR == 1 { print; next }
    { p = position[$1]
      for (copy = 0; copy * per + p <= total; copy++) {
          l = $0; if (copy > 0) sub(/^[^,]*/, "&-x" copy, l); print l } }' \
    "$source/companies.csv" "$source/financials.csv" > "$dest.partial/financials.csv"
mv "$dest.partial" "$dest"
