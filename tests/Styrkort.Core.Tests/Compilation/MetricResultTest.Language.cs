namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// What the language promises, over the same rows (see <see cref="AlmiWarehouse"/>), for 2026-Q2 unless said. Efforts
/// started in 2026-Q2's year to date: c5 (M, true), c6 (F, false), c1 (F, true), c4 (F, empty), c3 (empty, true).
/// </summary>
public sealed partial class MetricResultTest
{
    private double? Ba(string formula, string period = "2026-Q2") => warehouse.Formula(formula, period)["ba"];

    [Theory]
    [InlineData("count(efforts during ytd)", 5)]
    [InlineData("count(efforts where companies.leader_gender = 'F' during ytd)", 3)]
    [InlineData("count(efforts where companies.leader_gender != 'F' during ytd)", 1)]
    [InlineData("count(efforts where not (companies.leader_gender = 'F') during ytd)", 2)]
    [InlineData("count(efforts where companies.leader_gender in ('M') during ytd)", 1)]
    [InlineData("count(efforts where companies.leader_gender not in ('F') during ytd)", 1)]
    [InlineData("count(efforts where not (companies.leader_gender in ('F')) during ytd)", 2)]
    [InlineData("count(efforts where companies.leader_gender is empty during ytd)", 1)]
    [InlineData("count(efforts where companies.leader_gender is not empty during ytd)", 4)]
    [InlineData("count(efforts where companies.foreign_background during ytd)", 3)]
    [InlineData("count(efforts where not companies.foreign_background during ytd)", 1)]
    [InlineData("count(efforts where coalesce(companies.foreign_background, false) = false during ytd)", 2)]
    [InlineData("count(companies.leader_gender from efforts during ytd)", 4)]
    [InlineData("count_distinct(companies.leader_gender from efforts during ytd)", 2)]
    public void Language_EmptyValuesInConditions(string formula, double expected) => Assert.Equal(expected, Ba(formula));

    [Theory]
    [InlineData("100 * share(companies.foreign_background over customers during ytd)", 50.0)]
    [InlineData("100 * share(companies.foreign_background over customers during ytd where companies.foreign_background is not empty)", 60.0)]
    [InlineData("count(customers over customers during ytd)", 6.0)]
    [InlineData("count(over customers during ytd)", 6.0)]
    [InlineData("100 * share(first(customers.phase by customers.time where customers.phase != 'start') = 'established' over customers during ytd)", 50.0)]
    [InlineData("count(customers over customers during ytd where first(customers.phase by customers.time where customers.phase != 'start') is empty)", 1.0)]
    [InlineData("count(customers over customers during ytd where last(customers.time by customers.time) = period.end)", 1.0)]
    public void Language_Populations(string formula, double expected) => Assert.Equal(expected, Ba(formula)!.Value, 9);

    [Theory]
    [InlineData("1 / 0", null)]
    [InlineData("sum(loans.amount during ytd) / 0", null)]
    [InlineData("10 / 4", 2.5)]
    [InlineData("7 - 2 * 3", 1.0)]
    [InlineData("-(2 + 3) * 2", -10.0)]
    [InlineData("round(10 / 3, 2)", 3.33)]
    [InlineData("round(2.5)", 3.0)]
    [InlineData("abs(-4)", 4.0)]
    [InlineData("least(3, 1, 2) + greatest(3, 1, 2)", 4.0)]
    [InlineData("least(3, null) + greatest(null, 2)", 5.0)]
    [InlineData("least(mean(loans.amount during months(24, 24)), 7)", 7.0)]
    [InlineData("1 + null", null)]
    [InlineData("coalesce(mean(loans.amount during months(24, 24)), -1)", -1.0)]
    [InlineData("if(count(loans during ytd) > 100, 1)", null)]
    [InlineData("if(count(loans during ytd) > 100, 1, 2)", 2.0)]
    [InlineData("if(1 in (1, 2) and not (2 > 3), 1, 0)", 1.0)]
    [InlineData("sum(loans.amount during months(24, 24))", 0.0)]
    [InlineData("count(loans during months(24, 24))", 0.0)]
    [InlineData("count_distinct(loans.org_nr during months(24, 24))", 0.0)]
    [InlineData("mean(loans.amount during months(24, 24))", null)]
    [InlineData("median(loans.amount during months(24, 24))", null)]
    [InlineData("max(loans.amount during months(24, 24))", null)]
    [InlineData("100 * share(loans.amount > 0 during months(24, 24))", null)]
    [InlineData("first(loans.amount by loans.disbursed_on during months(24, 24))", null)]
    public void Language_Arithmetic(string formula, double? expected)
    {
        var actual = Ba(formula);
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e) Assert.Equal(e, actual!.Value, 9);
    }

    [Theory]
    [InlineData("period.year + period.quarter / 10 + period.month / 100", "2026-Q2", 2026.26)]
    [InlineData("period.year + period.quarter / 10 + period.month / 100", "2026-03", 2026.13)]
    [InlineData("period.year + period.quarter / 10 + period.month / 100", "2026", 2026.52)]
    // A week: year, quarter and month of its Sunday (2026-W14 is 30 March – 5 April); period.week its ISO number.
    [InlineData("period.year + period.quarter / 10 + period.month / 100", "2026-W14", 2026.24)]
    [InlineData("period.week", "2026-W12", 12.0)]
    [InlineData("period.year * 100 + period.week", "2020-W53", 202153.0)]   // 28 Dec 2020 – 3 Jan 2021
    [InlineData("coalesce(period.week, 0)", "2026-03", 0.0)]                // a month has no week number
    [InlineData("coalesce(period.week, 0)", "2026", 0.0)]
    [InlineData("count(loans where loans.disbursed_on >= period.start and loans.disbursed_on <= period.end)", "2026-Q2", 1.0)]
    [InlineData("count(loans during period)", "2026-Q2", 1.0)]
    [InlineData("count(loans during period)", "2026-03", 1.0)]
    [InlineData("count(loans during to_date)", "2026-Q2", 7.0)]
    [InlineData("count(from loans during year(period.year - 2))", "2026-Q2", 2.0)]
    [InlineData("count_distinct(loans.org_nr during rolling(36))", "2026-Q2", 4.0)]
    [InlineData("sum(loans.amount where loans.phase = 'start' and companies.region = '04')", "2026-Q2", 480.0)]
    [InlineData("mean(count(loans) per org_nr)", "2026-Q2", 8.0 / 5)]
    [InlineData("max(count(loans) per org_nr, unit_id)", "2026-Q2", 3.0)]
    [InlineData("mean(last(loans.amount by loans.disbursed_on) per org_nr during ytd)", "2026-Q2", (200 + 300.5 + 50) / 3)]
    [InlineData("nps - disbursed_loans / 10", "2026-Q2", 20 - 55.05)]
    // Per company its latest snapshot, whichever unit took it: c2's is north's inactive one of 2026-06-30.
    [InlineData("count(kyc_snapshots where not kyc_snapshots.relation_active during latest(org_nr))", "2026-Q2", 1.0)]
    public void Language_WindowsAndNames(string formula, string period, double expected) => Assert.Equal(expected, Ba(formula, period)!.Value, 9);
}
