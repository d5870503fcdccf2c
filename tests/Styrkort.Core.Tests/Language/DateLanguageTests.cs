using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Language;

/// <summary>
/// Date arithmetic, the period's length, constants where a whole number is needed, windows relative to each row's own
/// date and 'on' through a reference, on the rows of <see cref="DateData"/>, worked out by hand.
/// </summary>
public abstract class DateLanguageTests(Engine engine)
{
    private const string Cohort = "where customers.acquired_on >= period.start and customers.acquired_on <= period.end";

    /// <summary>Each formula for each period, shown per unit (root | north | south).</summary>
    private string[][] Run(string[] periods, params string[] formulas) =>
        DateData.Evaluate(engine, periods, formulas).Select(p => p.Select(DateData.Show).ToArray()).ToArray();

    private static string All(string value) => $"root {value} | north {value} | south {value}";

    [Fact]
    public void CohortWindow_AtMonthEnds_ReachesPastThePeriod_AndAnEmptyCohortSumsToZero()
    {
        var r = Run(["2024-01", "2023-01", "2024-02", "2024-Q1"],
            $"sum(invoices.amount {Cohort} during months_after(customers.acquired_on, 0, 3))",
            $"sum(invoices.amount {Cohort} during months_after(customers.acquired_on, 0, 1))",
            $"mean(invoices.amount {Cohort} during months_after(customers.acquired_on, 0, 1))",
            $"mean(sum(invoices.amount) per customer_id {Cohort} during months_after(customers.acquired_on, 0, 3))");
        // 2024-01: the cohort is k1 (2024-01-31, north). 0–3 months: 2024-01-31 ≤ t < 2024-04-30: i1 100 + i2 200 + i3 400
        // (i4 on 2024-04-30 is the first day after). 0–1 month: t < 2024-02-29 (a leap year's month end): i1 + i2 = 300.
        Assert.Equal(["root 700 | north 700 | south 0", "root 300 | north 300 | south 0", "root 150 | north 150 | south -"], r[0].Take(3));
        // 2023-01: k2 (2023-01-31). 0–1 month: t < 2023-02-28: i5 1000 only (i6 is on 2023-02-28); 0–3: i5 + i6 = 3000.
        Assert.Equal(["root 3000 | north 3000 | south 0", "root 1000 | north 1000 | south 0", "root 1000 | north 1000 | south -"], r[1].Take(3));
        // 2024-02: k3 (2024-02-29) has no invoices within three months: a sum of nothing is 0, a mean no value.
        Assert.Equal([All("0"), All("0"), All("-"), All("-")], r[2]);
        // 2024-Q1: k1 300; k3 none before 2024-03-29; k5 (2024-03-15) to 2024-04-15: i10 7 + i11 70 → 377.
        Assert.Equal("root 377 | north 377 | south 0", r[3][1]);
        // Per customer of 2024-Q1, their first three months: k1 700, k5 77; k3 has no rows in its window, so no group.
        Assert.Equal("root 388.5 | north 388.5 | south -", r[3][3]);
    }

    [Fact]
    public void AnchoredWindows_LeapDay_Days_BeforeTheAnchor_AndAMonthColumn()
    {
        var r = Run(["2024-03"],
            "sum(invoices.amount where invoices.customer_id = 'k3' during months_after(customers.acquired_on, 0, 12))",
            "sum(invoices.amount where invoices.customer_id = 'k3' during months_after(customers.acquired_on, 12, 13))",
            "sum(invoices.amount where invoices.customer_id = 'k5' during days_after(customers.acquired_on, 0, 30))",
            "sum(invoices.amount during days_after(customers.acquired_on, -1, 1))",
            "sum(monthly.amount during months_after(customers.acquired_on, 0, 3))",
            "sum(monthly.amount during months_after(customers.acquired_on, 3, 4))");
        // k3 on 2024-02-29: twelve months later is 2025-02-28, so i7 (2025-02-27) is in the first year and i8 (2025-02-28) in the 13th month.
        Assert.Equal("root 10 | north 0 | south 10", r[0][0]);
        Assert.Equal("root 20 | north 0 | south 20", r[0][1]);
        // k5 on 2024-03-15: 30 days is up to, not including, 2024-04-14: i10 7, not i11.
        Assert.Equal("root 7 | north 7 | south 0", r[0][2]);
        // The day before to the day of acquisition: only i1 (k1, 2024-01-31); k4 has no date and so no window.
        Assert.Equal("root 100 | north 100 | south 0", r[0][3]);
        // A month column by month: k1's months 2024-01 … 2024-03 (1 + 2 + 4), then 2024-04 (8).
        Assert.Equal("root 7 | north 7 | south 0", r[0][4]);
        Assert.Equal("root 8 | north 8 | south 0", r[0][5]);
    }

    [Fact]
    public void On_ThroughAReference_WindowsTheReferencedDate()
    {
        var r = Run(["2024-01", "2024-Q1"],
            "count(invoices on customers.acquired_on during period)",
            "sum(invoices.amount on customers.acquired_on during rolling(12))",
            "mean(count(invoices) per customer_id on customers.acquired_on during period)");
        // 2024-01: k1's four invoices, whenever they were sent.
        Assert.Equal("root 4 | north 4 | south 0", r[0][0]);
        // 2024-Q1: customers k1 (4 invoices), k3 (2), k5 (2); k4 has no date.
        Assert.Equal("root 8 | north 6 | south 2", r[1][0]);
        // 2023-04-01 … 2024-03-31: k1 100 + 200 + 400 + 800, k3 10 + 20, k5 7 + 70; k2 (2023-01-31) is before.
        Assert.Equal("root 1607 | north 1577 | south 30", r[1][1]);
        // Invoices per customer: north k1 4, k5 2 → 3; south k3 2; root (4 + 2 + 2) / 3.
        Assert.Equal("root 2.666667 | north 3 | south 2", r[1][2]);
    }

    [Fact]
    public void Constants_ParametersBlanksAndArithmetic_WhereAWholeNumberIsNeeded()
    {
        var r = Run(["2024-01", "2024-02", "2024-03"],
            "first_months(3)",
            "first_months(horizon)",
            "month_ago(1)",
            "sum(invoices.amount during rolling(horizon))",
            "recent(horizon)",
            "sum(invoices.amount during months(-horizon + 1, 0))",
            "round(10 / 3, digits)",
            "count(customers where left(customers.customer_id, width) = 'k')",
            "sum(invoices.amount during months_after(customers.acquired_on, 0, 2 * horizon - 3) where customers.customer_id = 'k1')");
        // The cohort of 2024-01 in its first three months, as in the cohort test: 700.
        Assert.Equal("root 700 | north 700 | south 0", r[0][0]);
        Assert.Equal("root 700 | north 700 | south 0", r[0][1]);
        // month_ago(1) in 2024-02: January 2024, i1 100.
        Assert.Equal("root 100 | north 100 | south 0", r[1][2]);
        // Three months to 2024-03: i1 100 + i2 200 + i3 400 (north), i9 5000 (south); the same as months(-2, 0).
        foreach (var i in new[] { 3, 4, 5 }) Assert.Equal("root 5700 | north 700 | south 5000", r[2][i]);
        Assert.Equal(All("3.3"), r[2][6]);
        Assert.Equal("root 5 | north 3 | south 2", r[2][7]);
        Assert.Equal("root 700 | north 700 | south 0", r[2][8]);
    }

    [Fact]
    public void DateArithmetic_AndThePeriodsLength()
    {
        const string x = "add_months(period.start - 1, 1)";
        var r = Run(["2024-02", "2023-02", "2024-Q1", "2024"],
            "period.end - period.start",
            "period.days",
            "period.months",
            "(30 + period.start) - period.start",
            "days_between(period.start, period.end)",
            "days_between(period.end, period.start)",
            $"year_of({x}) * 10000 + month_of({x}) * 100 + day_of({x})",
            $"{x} - period.start",
            "day_of(add_months(period.end, -12))",
            "period.start + month_length - period.start");
        // 2024-02: 29 days; the day before its start is 2024-01-31, a month later 2024-02-29 (clamped, a DATE).
        Assert.Equal(["28", "29", "1", "30", "28", "-28", "20240229", "28", "28", "30"], r[0].Select(v => v.Split(' ')[1]));
        Assert.Equal(["27", "28", "1", "30", "27", "-27", "20230228", "27", "28", "30"], r[1].Select(v => v.Split(' ')[1]));
        Assert.Equal(["90", "91", "3"], r[2].Take(3).Select(v => v.Split(' ')[1]));
        Assert.Equal(["365", "366", "12"], r[3].Take(3).Select(v => v.Split(' ')[1]));
        Assert.All(r.SelectMany(p => p), v => Assert.Matches(@"^root (\S+) \| north \1 \| south \1$", v));
    }

    [Fact]
    public void DatesOfRows_CompareAndSubtract_AndAnEmptyDateGivesNoValue()
    {
        var r = Run(["2024-03"],
            "count(customers where customers.acquired_on > period.end - 365)",
            "count(customers where months_between(customers.acquired_on, period.end) is empty)",
            "sum(days_between(customers.acquired_on, period.end) where customers.customer_id = 'k1')",
            "sum(period.end - customers.acquired_on where customers.customer_id = 'k1')",
            "sum(months_between(customers.acquired_on, add_months(customers.acquired_on, 12)) where customers.customer_id = 'k3')",
            "sum(customers.acquired_on - customers.acquired_on)",
            "count(customers where customers.acquired_on > cutoff)",
            "cutoff - period.end");
        // 2024-03-31 − 365 days = 2023-04-01 (2024 is a leap year): k1, k5 (north), k3 (south).
        Assert.Equal("root 3 | north 2 | south 1", r[0][0]);
        Assert.Equal("root 1 | north 0 | south 1", r[0][1]);
        // 2024-01-31 → 2024-02-29 is 29 days, → 2024-03-31 31 more: 60.
        Assert.Equal("root 60 | north 60 | south 0", r[0][2]);
        Assert.Equal("root 60 | north 60 | south 0", r[0][3]);
        // 2024-02-29 + 12 months is 2025-02-28: its day (28) has not reached 29, so 11 whole months, as DATEDIF counts.
        Assert.Equal("root 11 | north 0 | south 11", r[0][4]);
        Assert.Equal(All("0"), r[0][5]);
        // A named value that is a date, read before the plan: the same as writing it out.
        Assert.Equal("root 3 | north 2 | south 1", r[0][6]);
        Assert.Equal(All("-365"), r[0][7]);
    }

    [Fact]
    public void MonthsBetween_CountsWholeMonthsLikeAnAge_SymmetricWhenReversed()
    {
        // 2026-01: start + 14 = 01-15, + 30 = 01-31, + 44 = 02-14, + 45 = 02-15, + 58 = 02-28, + 89 = 03-31, + 365 = 2027-01-01.
        string Between(int a, int b) => $"months_between(period.start + {a}, period.start + {b})";
        var r = Run(["2026-01"], Between(30, 58), Between(30, 89), Between(89, 30), Between(58, 30),
            Between(14, 45), Between(14, 44), Between(44, 14), Between(45, 14), Between(0, 365), Between(365, 0), Between(30, 30),
            Between(30, 395), Between(395, 30));
        // 2027-01-31 is + 395: twelve whole months from 2026-01-31, either way.
        Assert.Equal(["0", "2", "-2", "0", "1", "0", "0", "-1", "12", "-12", "0", "12", "-12"], r[0].Select(v => v.Split(' ')[1]));
    }
}

public sealed class DateLanguageTestsOnDuckDb() : DateLanguageTests(DuckDbEngine.Instance);

public sealed class DateLanguageTestsOnPostgres(PostgresEngine engine) : DateLanguageTests(engine), IClassFixture<PostgresEngine>;
