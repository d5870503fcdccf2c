using System.Globalization;

namespace Styrkort.Samples.Almi.Tests;

public sealed partial class AlmiSampleGeneratorTest
{
    private static readonly string[] FullYears = ["2020", "2021", "2022", "2023", "2024", "2025"];

    [Fact]
    public void Write_AtTwentyThousandCompanies_MakesAboutFourThousandLoansAYear()
    {
        var perYear = sample.Table("loans.csv").Values("disbursed_on").CountBy(d => d[..4]).ToDictionary(StringComparer.Ordinal);
        Assert.All(FullYears, y => Assert.InRange(perYear[y], 3_000, 5_000));
    }

    [Fact]
    public void Write_AtTwentyThousandCompanies_StartsAboutElevenThousandEffortsAYear()
    {
        var perYear = sample.Table("efforts.csv").Values("started_on").CountBy(d => d[..4]).ToDictionary(StringComparer.Ordinal);
        Assert.All(FullYears, y => Assert.InRange(perYear[y], 8_000, 14_000));
    }

    [Fact]
    public void Write_WomenLeadAboutTwentyEightPercentOfCompanies()
    {
        var genders = sample.Table("companies.csv").Values("leader_gender").ToList();
        Assert.InRange(Share(genders, "F"), 25, 31);
        Assert.InRange(Share(genders, ""), 3, 7);
        var foreign = sample.Table("companies.csv").Values("foreign_background").ToList();
        Assert.InRange(Share(foreign, "true"), 25, 31);
    }

    [Fact]
    public void Write_CompanyRegionsFollowThePopulation()
    {
        var regions = sample.Table("companies.csv").Values("region").ToList();
        Assert.InRange(Share(regions, "01"), 21, 25.5);
        Assert.InRange(Share(regions, "14"), 15, 19);
        Assert.InRange(Share(regions, "12"), 11.5, 15);
        Assert.InRange(Share(regions, "09"), 0.3, 1.0);
    }

    [Fact]
    public void Write_PhasesAreMostlyStartAndExpansion()
    {
        var phases = sample.Table("loans.csv").Values("phase").Concat(sample.Table("efforts.csv").Values("phase")).ToList();
        Assert.InRange(Share(phases, "start"), 40, 50);
        Assert.InRange(Share(phases, "expansion"), 32, 42);
        Assert.InRange(Share(phases, "established"), 14, 23);
    }

    [Fact]
    public void Write_CustomersIncludeRepeatCustomers()
    {
        var engagements = sample.Table("loans.csv").Values("org_nr").Concat(sample.Table("efforts.csv").Values("org_nr"));
        Assert.Contains(engagements.CountBy(o => o), c => c.Value >= 5);
    }

    [Fact]
    public void Write_FinancialsCoverSixFiscalYearsWithAHeavyTailOfSizes()
    {
        var fin = sample.Table("financials.csv");
        Assert.Equal(FullYears, fin.Values("fiscal_year").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var latest = fin.Rows.Where(r => r[1] == "2025").ToList();
        var employees = latest.Where(r => r[4].Length > 0).Select(r => long.Parse(r[4], CultureInfo.InvariantCulture)).ToList();
        Assert.True(employees.Count(e => e < 10) > employees.Count * 0.7, "most companies have 0–9 employees");
        Assert.InRange(employees.Count(e => e >= 250), 50, 600);
        Assert.Contains(latest, r => r[2].Length > 0 && r[5].Length > 0
            && long.Parse(r[2], CultureInfo.InvariantCulture) > 550_000_000 && long.Parse(r[5], CultureInfo.InvariantCulture) > 473_000_000);
        Assert.Contains(fin.Rows, r => r[3].StartsWith('-'));
        double emptyShare = fin.Rows.Count(r => r[2].Length == 0 || r[3].Length == 0 || r[4].Length == 0) / (double)fin.Rows.Count;
        Assert.InRange(emptyShare, 0.005, 0.02);
        var yearsPerCompany = fin.Rows.GroupBy(r => r[0]).Select(g => g.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToList()).ToList();
        Assert.Contains(yearsPerCompany, ys => ys.Max() - ys.Min() + 1 > ys.Count);
        Assert.Contains(yearsPerCompany, ys => ys.Min() > 2020);
    }

    [Fact]
    public void Write_SomeCompaniesGrowTenPercentAYearOverThreeYears()
    {
        var revenue = sample.Table("financials.csv").Rows
            .Where(r => r[2].Length > 0 && r[1] is "2022" or "2025")
            .ToLookup(r => r[0], r => (Year: r[1], Revenue: long.Parse(r[2], CultureInfo.InvariantCulture)));
        var pairs = revenue.Where(g => g.Count() == 2).Select(g => (From: g.Single(x => x.Year == "2022").Revenue, To: g.Single(x => x.Year == "2025").Revenue))
            .Where(p => p.From > 0).ToList();
        double growers = pairs.Count(p => 1000 * p.To >= 1331 * p.From) / (double)pairs.Count;
        Assert.InRange(growers, 0.1, 0.45);
    }

    [Fact]
    public void Write_LedgerReturnOverThirtySixMonthsIsMostlyBetweenOneAndAHalfAndFivePercent()
    {
        var ledger = sample.Table("loan_ledger.csv");
        var window = Enumerable.Range(0, 36).Select(i => new DateOnly(2023, 10, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var returns = ledger.Rows.Where(r => window.Contains(r[1])).GroupBy(r => r[0]).Select(g =>
        {
            decimal income = g.Sum(r => Dec(r[2]) + Dec(r[3]) - Dec(r[4]));
            decimal capital = g.Sum(r => Dec(r[5])) / 36;
            return (double)(100 * income / capital / 3);
        }).ToList();
        Assert.Equal(16, returns.Count);
        Assert.True(returns.Count(r => r is >= 1.5 and <= 5) >= 12, string.Join(", ", returns));
        Assert.All(returns, r => Assert.InRange(r, 0, 8));
    }

    [Fact]
    public void Write_LedgerLeavesOutTwoMonthsForOneSubsidiary()
    {
        var months = sample.Table("loan_ledger.csv").Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(15, months.Values.Count(n => n == 81));
        Assert.Equal(79, months["gotland"]);
    }

    [Fact]
    public void Write_CostPerLoanOrCompletedEffortIsTwentyToSixtyThousand()
    {
        var cost = sample.Table("operating_costs.csv").Rows.Where(r => r[1].StartsWith("2025", StringComparison.Ordinal))
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var count = sample.Table("loans.csv").Rows.Where(r => r[3].StartsWith("2025", StringComparison.Ordinal)).Select(r => r[2])
            .Concat(sample.Table("efforts.csv").Rows.Where(r => r[4].StartsWith("2025", StringComparison.Ordinal)).Select(r => r[2]))
            .CountBy(u => u).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(16, cost.Count);
        Assert.All(cost, c => Assert.InRange(c.Value / (double)count[c.Key], 20_000, 60_000));
    }

    [Fact]
    public void Write_NpsAndEngagementIndexLandInPlausibleRanges()
    {
        var nps = sample.Table("nps_responses.csv").Rows.Where(r => r[3].StartsWith("2025", StringComparison.Ordinal)).GroupBy(r => r[2]).ToList();
        Assert.Equal(16, nps.Count);
        Assert.All(nps, g => Assert.InRange(g.Count(), 250, 1_700));
        var values = nps.Select(g => g.Select(r => int.Parse(r[4], CultureInfo.InvariantCulture)).ToList())
            .Select(s => 100.0 * (s.Count(x => x >= 9) - s.Count(x => x <= 6)) / s.Count).ToList();
        Assert.True(values.Count(v => v is >= 35 and <= 75) >= 14, string.Join(", ", values));

        var engagement = sample.Table("engagement_responses.csv").Rows.Where(r => r[2] == "2025")
            .GroupBy(r => (Unit: r[1], Respondent: r[0]))
            .GroupBy(g => g.Key.Unit, g => (g.Average(r => int.Parse(r[4], CultureInfo.InvariantCulture)) - 1) * 25)
            .ToList();
        Assert.Equal(16, engagement.Count);
        Assert.All(engagement, u => Assert.InRange(u.Count(), 20, 80));
        Assert.All(engagement, u => Assert.InRange(u.Average(), 65, 95));
    }

    [Fact]
    public void Write_KycCoversActiveRelationsFullyInMostSubsidiaries()
    {
        var latest = sample.Table("kyc_snapshots.csv").Rows.Where(r => r[0] == "2026-09-30").ToList();
        Assert.InRange(latest.Count(r => r[3] == "true") / (double)latest.Count, 0.78, 0.92);
        var coverage = latest.Where(r => r[3] == "true").GroupBy(r => r[2])
            .Select(g => g.Count(r => r[4] == "true") / (double)g.Count()).ToList();
        Assert.True(coverage.Count(c => c == 1) >= 10);
        Assert.Contains(coverage, c => c is >= 0.93 and < 1);
    }

    private static double Share(List<string> values, string value) =>
        100.0 * values.Count(v => v == value) / values.Count;

    private static decimal Dec(string value) => decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
