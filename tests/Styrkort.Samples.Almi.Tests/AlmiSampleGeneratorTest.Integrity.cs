using System.Globalization;

namespace Styrkort.Samples.Almi.Tests;

public sealed partial class AlmiSampleGeneratorTest
{
    [Fact]
    public void Write_KeysAreUniqueInEveryFile()
    {
        foreach (var (file, key) in SampleFormat.Keys)
        {
            var keys = sample.Table(file).Keys(key).ToList();
            Assert.True(keys.Count == keys.Distinct(StringComparer.Ordinal).Count(), $"{file} repeats a ({string.Join(", ", key)})");
        }
    }

    [Fact]
    public void Write_EveryOrgNrAndUnitIdRefersToAnExistingRow()
    {
        var orgNrs = sample.Table("companies.csv").Values("org_nr").ToHashSet(StringComparer.Ordinal);
        var unitIds = sample.Table("units.csv").Values("unit_id").ToHashSet(StringComparer.Ordinal);
        foreach (string file in SampleFormat.Headers.Keys.Where(f => f is not ("companies.csv" or "units.csv")))
        {
            var table = sample.Table(file);
            if (table.Header.Contains("org_nr"))
                Assert.All(table.Values("org_nr"), o => Assert.Contains(o, orgNrs));
            if (table.Header.Contains("unit_id"))
                Assert.All(table.Values("unit_id"), u => Assert.Contains(u, unitIds));
        }
        var parents = sample.Table("units.csv").Values("parent_id").Where(p => p.Length > 0);
        Assert.All(parents, p => Assert.Contains(p, unitIds));
    }

    [Fact]
    public void Write_OrgNrsHaveTheSwedishFormAndAValidCheckDigit()
    {
        foreach (string orgNr in sample.Table("companies.csv").Values("org_nr"))
        {
            Assert.Matches("^[0-9]{6}-[0-9]{4}$", orgNr);
            string digits = orgNr.Replace("-", "", StringComparison.Ordinal);
            int sum = 0;
            for (int i = 0; i < 10; i++)
            {
                int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
                sum += d / 10 + d % 10;
            }
            Assert.True(sum % 10 == 0, $"{orgNr} fails the Luhn check");
        }
    }

    [Fact]
    public void Write_CodesAreOnlyThoseOfTheFormat()
    {
        var companies = sample.Table("companies.csv");
        Assert.All(companies.Values("leader_gender"), g => Assert.Contains(g, new[] { "F", "M", "" }));
        Assert.All(companies.Values("foreign_background"), f => Assert.Contains(f, new[] { "true", "false", "" }));
        Assert.All(sample.Table("loans.csv").Values("phase"), p => Assert.Contains(p, SampleFormat.Phases));
        Assert.All(sample.Table("efforts.csv").Values("phase"), p => Assert.Contains(p, SampleFormat.Phases));
        var kyc = sample.Table("kyc_snapshots.csv");
        Assert.All(kyc.Values("relation_active"), b => Assert.Contains(b, new[] { "true", "false" }));
        Assert.All(kyc.Values("kyc_complete"), b => Assert.Contains(b, new[] { "true", "false" }));
        Assert.All(sample.Table("nps_responses.csv").Values("score"), s => Assert.InRange(int.Parse(s, CultureInfo.InvariantCulture), 0, 10));
        Assert.All(sample.Table("engagement_responses.csv").Values("score"), s => Assert.InRange(int.Parse(s, CultureInfo.InvariantCulture), 1, 5));
        var goals = new[] { "disbursed_loans", "completed_efforts", "cost_per_effort", "engagement_index", "nps" };
        Assert.All(sample.Table("targets.csv").Values("goal_id"), g => Assert.Contains(g, goals));
    }

    [Fact]
    public void Write_UnitsAreARootWithSixteenSubsidiariesCoveringAllTwentyOneCounties()
    {
        var units = sample.Table("units.csv");
        var root = Assert.Single(units.Rows, r => r[units.Column("parent_id")].Length == 0);
        Assert.Equal(["foretagspartner", "Företagspartner", "", ""], root);
        var children = units.Rows.Where(r => r[units.Column("parent_id")] == "foretagspartner").ToList();
        Assert.Equal(16, children.Count);
        var regions = children.SelectMany(r => r[units.Column("regions")].Split(';')).ToList();
        string[] counties = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];
        Assert.Equal(counties, regions.Order(StringComparer.Ordinal));
        Assert.All(sample.Table("companies.csv").Values("region"), r => Assert.Contains(r, counties));
    }

    [Fact]
    public void Write_LoansMostlyGoToTheSubsidiaryOfTheCompanysRegion()
    {
        var units = sample.Table("units.csv");
        var unitOfRegion = units.Rows.Where(r => r[3].Length > 0)
            .SelectMany(r => r[3].Split(';').Select(code => (code, unit: r[0])))
            .ToDictionary(x => x.code, x => x.unit, StringComparer.Ordinal);
        var companies = sample.Table("companies.csv");
        var regionOf = companies.Rows.ToDictionary(r => r[0], r => r[2], StringComparer.Ordinal);
        var loans = sample.Table("loans.csv");
        double home = loans.Rows.Count(r => unitOfRegion[regionOf[r[1]]] == r[2]) / (double)loans.Rows.Count;
        Assert.InRange(home, 0.93, 0.995);
    }

    [Fact]
    public void Write_ActivityLiesBetweenTheFirstYearAndTheEndOfTheLastMonth()
    {
        var first = new DateOnly(2020, 1, 1);
        var last = new DateOnly(2026, 9, 30);
        Assert.All(sample.Table("loans.csv").Values("disbursed_on"), d => Assert.InRange(Date(d), first, last));
        Assert.All(sample.Table("nps_responses.csv").Values("answered_on"), d => Assert.InRange(Date(d), first, last));
        var efforts = sample.Table("efforts.csv");
        foreach (var row in efforts.Rows)
        {
            var started = Date(row[3]);
            Assert.InRange(started, first, last);
            if (row[4].Length > 0)
            {
                var completed = Date(row[4]);
                Assert.InRange(completed, started.AddDays(28), started.AddMonths(9).AddDays(3));
                Assert.True(completed <= last, $"effort completed {completed}, after the last month");
            }
        }
        var ongoing = efforts.Rows.Where(r => r[4].Length == 0).Select(r => Date(r[3])).ToList();
        Assert.NotEmpty(ongoing);
        Assert.All(ongoing, d => Assert.True(d > last.AddMonths(-10), $"effort started {d} still ongoing"));
        Assert.All(sample.Table("loan_ledger.csv").Values("month"), m => Assert.InRange(string.CompareOrdinal(m, "2026-09"), int.MinValue, 0));
    }

    [Fact]
    public void Write_KycSnapshotsAreQuarterEndsFromTheYearBeforeTheLastMonth()
    {
        var snapshots = sample.Table("kyc_snapshots.csv").Values("snapshot_on").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"], snapshots);
    }

    [Fact]
    public void Write_TargetsCoverEveryUnitAndTheLastThreeYearsExceptTwoLeftOut()
    {
        var targets = sample.Table("targets.csv");
        Assert.Equal(17 * 3 * 5 - 2, targets.Rows.Count);
        Assert.Equal(["2024", "2025", "2026"], targets.Values("year").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.All(targets.Rows, r => Assert.StartsWith("Styrelsen Företagspartner", r[4], StringComparison.Ordinal));
        Assert.All(targets.Rows, r =>
        {
            int year = int.Parse(r[2], CultureInfo.InvariantCulture);
            Assert.InRange(Date(r[5]), new DateOnly(year - 1, 12, 1), new DateOnly(year, 1, 31));
        });
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
