using System.Globalization;
using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Ratios;
using Styrkort.Accounts.Sie;

namespace Styrkort.Samples.Smb.Tests;

/// <summary>The SIE file parses without warnings and its accounts agree with the CSV files, month by month, to the öre.</summary>
[Collection(GeneratedSmbSampleCollection.Name)]
public sealed class SmbSampleSieTest(GeneratedSmbSample sample)
{
    private SieDocument Read()
    {
        var read = SieReader.Read(Path.Combine(sample.Directory, SmbSampleGenerator.SieFile));
        Assert.Empty(read.Warnings);
        return read.Document;
    }

    private static decimal M(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static int Account(string number) => int.Parse(number, CultureInfo.InvariantCulture);

    [Fact]
    public void SieFile_IsType4_WithThreeFiscalYears_BookedToTheLastDay_AndBalancedVouchers()
    {
        var d = Read();
        Assert.Equal((4, Checksum.Valid), (d.Header.SieType, d.Header.Checksum));
        Assert.Equal([0, -1, -2], d.FiscalYears.Select(y => y.Index));
        Assert.Equal(new DateOnly(2026, 3, 31), d.Header.BookedTo);
        Assert.All(d.Vouchers, v => Assert.Equal(0m, v.Imbalance));
    }

    [Fact]
    public void SieFile_RevenueCostOfGoodsAndOperatingCosts_AgreeWithTheCsvFilesEveryMonth()
    {
        var rows = Read().Vouchers.SelectMany(v => v.Rows.Select(r => (Month: v.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture), Account: Account(r.Account), r.Amount))).ToList();
        decimal Sie(string month, int from, int to) => rows.Where(r => r.Month == month && r.Account >= from && r.Account <= to).Sum(r => r.Amount);
        var invoices = sample.Rows("invoices.csv").GroupBy(i => i["invoiced_on"][..7]).ToDictionary(g => g.Key, g => g.ToList());
        var costs = sample.Rows("costs.csv").GroupBy(c => c["month"]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(27, invoices.Count);
        foreach (var (month, list) in invoices)
        {
            Assert.Equal(list.Sum(i => M(i["amount"])), -Sie(month, 3000, 3799));
            Assert.Equal(list.Sum(i => M(i["cost_of_goods"])), Sie(month, 4000, 4999));
            Assert.Equal(costs[month].Sum(c => M(c["amount"])), Sie(month, 5000, 7999));
        }
        var campaigns = sample.Rows("campaigns.csv").GroupBy(c => c["started_on"][..7]).ToDictionary(g => g.Key, g => g.Sum(c => M(c["cost"])));
        foreach (var (month, cost) in campaigns)
            Assert.Equal(cost, costs[month].Where(c => c["category"] == "campaigns").Sum(c => M(c["amount"])));
    }

    [Fact]
    public void SieFile_ClosingBalances_AreOpeningPlusTheYearsVouchers_AndResultsTheYearsMovements()
    {
        var d = Read();
        foreach (var year in d.FiscalYears)
        {
            var moves = d.Vouchers.Where(v => year.Contains(v.Date)).SelectMany(v => v.Rows).GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
            decimal Balance(BalanceKind kind, string account) => d.Balances.Where(b => b.YearIndex == year.Index && b.Kind == kind && b.Account == account).Sum(b => b.Amount);
            foreach (var (account, moved) in moves)
                if (Account(account) < 3000) Assert.Equal(Balance(BalanceKind.Opening, account) + moved, Balance(BalanceKind.Closing, account));
                else Assert.Equal(moved, Balance(BalanceKind.Result, account));
            var assets = d.Balances.Where(b => b.YearIndex == year.Index && b.Kind == BalanceKind.Closing && Account(b.Account) < 2000).Sum(b => b.Amount);
            Assert.True(assets > 0);
        }
    }

    [Fact]
    public void SieDatasets_AreWrittenBesideIt_AsAnySieFilesAre_AndTheGoalFileMapsTheCompanyToTheRootUnit()
    {
        // As exported by any program: the company is its organisation number; smb-data.yaml maps it to the root unit.
        var companies = sample.Rows("sie_companies.csv").ToList();
        Assert.Equal("556912-3457", Assert.Single(companies)["company"]);
        Assert.Equal("556912-3457", companies[0]["org_nr"]);
        Assert.All(sample.Rows("sie_balances.csv"), b => Assert.Equal("556912-3457", b["company"]));
        Assert.Contains(sample.Rows("units.csv"), u => u["unit_id"] == "nordvik" && u["parent_id"].Length == 0);
        var data = Styrkort.Core.GoalFiles.GoalFileReader.Read(Path.Combine(SourceRoot(), "samples", "smb", "goals.yaml"));
        Assert.Equal("nordvik", data.Units.Organisations["556912-3457"]);
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) return dir.FullName;
        throw new InvalidOperationException("the source tree (Styrkort.sln) is not above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void SieFile_GivesEveryRatioOfTheLibrary_ForTheLastFullYear()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Styrkort.sln"))) root = root.Parent!;
        var report = RatioAnalysis.Analyse(CompanyBooks.From([Read()]).Single(), Path.Combine(root.FullName, "libraries", "bas-nyckeltal.yaml"), null, TimeProvider.System);
        var year2025 = report.Years.Single(y => y.Index == -1);
        Assert.All(report.Ratios, r => Assert.True(year2025.Values[r.Name] is not null, r.Name));
    }
}
