#!/usr/bin/env python3
"""Turns a generated Företagspartner sample into one full of the cases almi-goals.md spells out, so that the check
(engine against bench/reference) meets them: a deeper unit tree, a unit without regions, shared regions, ties of
first engagements, missing ledger months, zero capital, empty figures, the exact SME and growth bounds, a unit
whose latest survey or KYC snapshot differs from its siblings'.

    python3 bench/reference/edge_cases.py SAMPLE_FOLDER OUT_FOLDER

Deterministic (no randomness: every n-th row). Written for the quarters 2026-Q1..Q4 and the years before."""
import csv
import os
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def read(name):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# Units: sydost (no regions of its own) above kronoberg, kalmar, blekinge; kalmar_norr below kalmar sharing its
# region 08; osby below skane with region 12 and 11 (a region only it has); lab with no regions (its rows: the efforts added below).
h, units = read("units.csv")
for u in units:
    if u[0] in ("kronoberg", "kalmar", "blekinge"):
        u[2] = "sydost"
units += [["sydost", "Sydost", "foretagspartner", ""], ["kalmar_norr", "Kalmar norr", "kalmar", "08"],
          ["osby", "Osby", "skane", "12;11"], ["lab", "Lab", "foretagspartner", ""]]
write("units.csv", h, units)

# Companies: some leaders and backgrounds unknown, a few companies in regions 11 and 99.
h, companies = read("companies.csv")
for i, c in enumerate(companies):
    if i % 17 == 0:
        c[3] = ""
    if i % 13 == 0:
        c[4] = ""
    if i % 101 == 0:
        c[2] = "11"
    elif i % 103 == 0:
        c[2] = "99"
write("companies.csv", h, companies)
org = [c[0] for c in companies]

# Financials: empty employees, revenue, assets and ebitda here and there; zero and negative revenue; F-3 rows gone;
# figures exactly on the SME bounds and on group B's growth bound (F = 2025, B = 2024, F-3 = 2022 for 2026).
h, fin = read("financials.csv")
kept = []
for i, r in enumerate(fin):
    year = r[1]
    if year == "2022" and i % 29 == 0:
        continue
    if i % 23 == 0:
        r[4] = ""
    if i % 31 == 0:
        r[2] = ""
    if i % 37 == 0:
        r[5] = ""
    if i % 41 == 0:
        r[3] = ""
    if year == "2024" and i % 43 == 0:
        r[2] = "0"
    if year == "2024" and i % 47 == 0:
        r[2] = "-125000"
    kept.append(r)
by_key = {(r[0], r[1]): r for r in kept}
for n, o in enumerate(org[:400]):
    for year in ("2022", "2024", "2025"):
        r = by_key.get((o, year))
        if r is None:
            r = [o, year, "1000", "100", "10", "1000"]
            kept.append(r)
            by_key[(o, year)] = r
    f, b, f3 = by_key[(o, "2025")], by_key[(o, "2024")], by_key[(o, "2022")]
    kind = n % 8
    if kind == 0:    # exactly on the revenue bound: SME
        f[2], f[4], f[5], b[2], b[4], b[5] = "550000000", "10", "999999999", "550000000", "10", "999999999"
    elif kind == 1:  # just over the revenue bound, assets over: not SME
        f[2], f[4], f[5], b[2], b[4], b[5] = "550000000.0001", "10", "473000000.0001", "550000000.0001", "10", "473000000.0001"
    elif kind == 2:  # revenue over, assets exactly on their bound: SME
        f[2], f[4], f[5], b[2], b[4], b[5] = "600000000", "10", "473000000", "600000000", "10", "473000000"
    elif kind == 3:  # empty revenue, assets within: SME (only its own condition is false)
        f[2], f[4], f[5], b[2], b[4], b[5] = "", "10", "1000", "", "10", "1000"
    elif kind == 4:  # 249 and 250 employees, both ways round
        f[4], b[4] = ("249", "250") if n % 16 == 4 else ("250", "249")
    elif kind == 5:  # exactly 10 % a year over three years: in group B
        f3[2], f[2], f[4], f[5] = "1000", "1331", "5", "100"
    elif kind == 6:  # a hair under it: not in group B
        f3[2], f[2], f[4], f[5] = "1000", "1330.9999", "5", "100"
    else:            # F-3 revenue zero: not in group B
        f3[2], f[2], f[4] = "0", "5000", "5"
write("financials.csv", h, kept)

# Loans and efforts: a tenth of kalmar's rows move to kalmar_norr, a tenth of skane's to osby; every 7th loan of
# the quarters gets an effort on the same day in a sibling unit with an earlier stage (or a later one).
h, loans = read("loans.csv")
for i, r in enumerate(loans):
    if r[2] == "kalmar" and i % 10 == 0:
        r[2] = "kalmar_norr"
    if r[2] == "skane" and i % 10 == 0:
        r[2] = "osby"
write("loans.csv", h, loans)
he, efforts = read("efforts.csv")
for i, r in enumerate(efforts):
    if r[2] == "kalmar" and i % 10 == 0:
        r[2] = "kalmar_norr"
    if r[2] == "skane" and i % 10 == 0:
        r[2] = "osby"
    if i % 19 == 0 and r[4]:
        r[4] = ""   # still ongoing
stages = ["start", "expansion", "established"]
for i, r in enumerate(loans):
    if i % 7 == 0 and r[3] >= "2024-01-01":
        other = {"skane": "osby", "osby": "skane", "kalmar": "kalmar_norr", "kalmar_norr": "blekinge"}.get(r[2], "lab")
        stage = stages[(stages.index(r[5]) + (2 if i % 14 == 0 else 1)) % 3]
        efforts.append([f"EX{i:07d}", r[1], other, r[3], "", stage])
write("efforts.csv", he, efforts)

# Ledger: gotland loses the first of the 36 months of 2026-Q2 (2023-07) and a month in the middle; uppsala's
# balance is 0 throughout (capital 0: no value); kalmar_norr has rows only from 2024.
h, ledger = read("loan_ledger.csv")
kept = []
for r in ledger:
    if r[0] == "gotland" and r[1] in ("2023-07", "2024-03"):
        continue
    if r[0] == "uppsala":
        r[5] = "0"
    kept.append(r)
kept += [["kalmar_norr", f"{y}-{m:02d}", "1000.5", "20", "300", "250000"] for y in (2024, 2025, 2026) for m in range(1, 13)]
write("loan_ledger.csv", h, kept)

h, costs = read("operating_costs.csv")
write("operating_costs.csv", h, costs + [["osby", f"2026-{m:02d}", "12345.67"] for m in range(1, 10)])

# NPS: gotland has no answers in 2026.
h, nps = read("nps_responses.csv")
write("nps_responses.csv", h, [r for r in nps if not (r[2] == "gotland" and r[3] >= "2026-01-01")])

# Engagement: halland has no survey in 2026 (its latest is 2025; the root's is 2026 without halland); kalmar_norr
# answers only in 2026, with the same respondent ids as kalmar (a respondent is unit and id).
h, eng = read("engagement_responses.csv")
eng = [r for r in eng if not (r[1] == "halland" and r[2] == "2026")]
eng += [[r[0], "kalmar_norr", r[2], r[3], str(6 - int(r[4]))] for r in eng if r[1] == "kalmar" and r[2] == "2026"]
write("engagement_responses.csv", h, eng)

# KYC: blekinge's latest snapshot has no active relation (no value for it alone); kalmar_norr has one later
# snapshot than its parent's (2026-05-15), all active, half complete.
h, kyc = read("kyc_snapshots.csv")
latest_blekinge = max(r[0] for r in kyc if r[1:] and r[2] == "blekinge" and r[0] <= "2026-06-30")
for r in kyc:
    if r[2] == "blekinge" and r[0] == latest_blekinge:
        r[3] = "false"
kyc += [["2026-05-15", o, "kalmar_norr", "true", "true" if n % 2 else "false"] for n, o in enumerate(org[:50])]
write("kyc_snapshots.csv", h, kyc)

h, targets = read("targets.csv")
write("targets.csv", h, targets)
