using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Datasets;

/// <summary>The CSV files an SIE import writes, against libraries/sie.yaml, and how several files of a company are merged.</summary>
public sealed class SieDatasetsTest : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-datasets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[][] Csv(string file) =>
        File.ReadAllLines(Path.Combine(_folder, file)).Skip(1).Select(l => l.Split(',')).ToArray();

    [Fact]
    public void Columns_AreThoseDeclaredInTheLibrary()
    {
        var declared = GoalFileReader.Read(Path.Combine(RepoRoot, "libraries", "sie.yaml")).Datasets.Values.ToList();
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Example).Document]), _folder);
        Assert.Equal(declared.Select(d => d.File).Order(StringComparer.Ordinal), SieDatasets.Files.Order(StringComparer.Ordinal));
        foreach (var dataset in declared)
            Assert.Equal(dataset.Columns.Select(c => c.Name), File.ReadLines(Path.Combine(_folder, dataset.File)).First().Split(','));
    }

    [Fact]
    public void Example_VouchersRowsAndObjects()
    {
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Example).Document]), _folder);
        Assert.Equal(15, Csv("sie_vouchers.csv").Length);
        var rent = Csv("sie_transactions.csv").Where(r => r[1] == "555555-5555/C/2").ToList();
        Assert.Equal(["normal", "removed", "added"], rent.Select(r => r[4]));
        Assert.Equal(["555555-5555/C/2/3", "555555-5555", "1", "10", "Butiken"], Csv("sie_transaction_objects.csv").Single(r => r[0].StartsWith("555555-5555/C/2/", StringComparison.Ordinal)));
        Assert.Equal(["555555-5555", "0", "2023-01-01", "2023-12-31", "365", "365"], Csv("sie_fiscal_years.csv")[0]);
        Assert.Equal(["555555-5555", "", "Järnhandeln i Åre AB", "555555-5555", "47521"], Csv("sie_companies.csv").Single());
    }

    [Fact]
    public void TwoFilesOfOneCompany_AreOneRowOfYears()
    {
        // Next year's file repeats 2023 as its year −1 with other (restated) figures: 2023 is taken from the file where it is year 0.
        var next = Read("""
            #FNAMN "Järnhandeln i Åre AB"
            #ORGNR 5555555555
            #GEN 20250201
            #RAR 0 20240101 20241231
            #RAR -1 20230101 20231231
            #UB 0 1930 300000
            #UB -1 1930 1
            """).Document;
        var company = Assert.Single(CompanyBooks.From([next, SieReader.Read(Example).Document]));
        Assert.Equal([(0, 2024), (-1, 2023), (-2, 2022)], company.Years.Select(y => (y.Index, y.End.Year)));
        Assert.Equal([0, 0, -1], company.Years.Select(y => y.SourceIndex));
        SieDatasets.Write([company], _folder);
        var cash = Csv("sie_balances.csv").Where(r => r[3] == "UB" && r[4] == "1930").Select(r => (r[1], r[5]));
        Assert.Equal([("0", "300000"), ("-1", "240000.00"), ("-2", "88732.00")], cash.OrderByDescending(c => int.Parse(c.Item1, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void OverlappingFiscalYears_AreRefused()
    {
        var other = Read("#FNAMN \"Järnhandeln i Åre AB\"\n#ORGNR 555555-5555\n#RAR 0 20230701 20240630\n").Document;
        var e = Assert.Throws<StyrkortException>(() => CompanyBooks.From([SieReader.Read(Example).Document, other]));
        Assert.Equal(("test.se", 3), (e.Location.File, e.Location.Line));
        Assert.Contains("overlaps 2023-01-01 – 2023-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoFilesSharingAnOrgNr_AreDifferentCompanies()
    {
        var companies = CompanyBooks.From([SieReader.Read(Example).Document, Read("#FNAMN \"Annat AB\"\n#ORGNR 555555-5555\n#RAR 0 20230101 20231231\n").Document]);
        Assert.Equal(["555555-5555", "555555-5555-2"], companies.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithoutOrgNr_TheNameMakesTheId()
    {
        var company = Assert.Single(CompanyBooks.From([Read("#FNAMN \"Åkeriet i Öje HB\"\n#ORGNR \"\"\n#RAR 0 20230101 20231231\n").Document]));
        Assert.Equal(("akeriet-i-oje-hb", null), (company.Id, company.OrgNr));
    }

    [Fact]
    public void RepeatedVoucherNumbers_GetTheirOwnIds()
    {
        var document = Read("#FNAMN X\n#RAR 0 20230101 20231231\n#VER A 1 20230101\n{\n#TRANS 1930 {} 0\n}\n#VER A 1 20230102\n{\n#TRANS 1930 {} 0\n}\n").Document;
        SieDatasets.Write(CompanyBooks.From([document]), _folder);
        Assert.Equal(["x/A/1", "x/A/1~2"], Csv("sie_vouchers.csv").Select(r => r[0]));
    }

    [Fact]
    public void BookedTo_GivesBookedDays()
    {
        var company = Assert.Single(CompanyBooks.From([SieReader.Read(Real("magenta-bokforing-2011_SIE4E.se")).Document]));
        Assert.Equal([31, 365], company.Years.Select(y => y.BookedDays));
    }

    [Fact]
    public void Example_LedgerIsTheOpeningBalancesAndTheRowsThatCount_OfTheYearWithVouchers()
    {
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Example).Document]), _folder);
        var ledger = Csv("sie_ledger.csv");
        // 11 #IB of 2023 and the 33 rows that count (35 less the removed #BTRANS and the #TRANS copy of the #RTRANS);
        // year −1 has no vouchers, so no ledger.
        Assert.Equal(11, ledger.Count(r => r[4] == "IB"));
        Assert.Equal(33, ledger.Count(r => r[4] == "voucher"));
        Assert.All(ledger, r => Assert.Equal(["555555-5555", "2023-01-01", "2023-12-31"], r[..3]));
        Assert.Equal(["555555-5555", "2023-01-01", "2023-12-31", "2023-01-01", "IB", "1930", "88732.00"], ledger.Single(r => r[4] == "IB" && r[5] == "1930"));
        Assert.Equal(["5010"], ledger.Where(r => r[3] == "2023-01-01" && r[4] == "voucher" && r[5].StartsWith('5')).Select(r => r[5]));
        // Every month of 2023 (the file was written in 2024), with opening balances.
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2023-{m:D2}"), Csv("sie_ledger_months.csv").Select(r => r[1]));
        Assert.All(Csv("sie_ledger_months.csv"), r => Assert.Equal("true", r[3]));
    }

    [Fact]
    public void LedgerMonths_StopAtTheDayTheFileWasWrittenOrBookedTo()
    {
        // Written 2024-03-10: the year 2024 has January to March, not April to December.
        var document = Read("#FNAMN X\n#GEN 20240310\n#RAR 0 20240101 20241231\n#VER A 1 20240105\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n").Document;
        SieDatasets.Write(CompanyBooks.From([document]), _folder);
        Assert.Equal(["2024-01", "2024-02", "2024-03"], Csv("sie_ledger_months.csv").Select(r => r[1]));
        Assert.All(Csv("sie_ledger_months.csv"), r => Assert.Equal("false", r[3]));
        // The magenta file's #OMFATTN 2011-01-31: January only.
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Real("magenta-bokforing-2011_SIE4E.se")).Document]), _folder);
        Assert.Equal(["2011-01"], Csv("sie_ledger_months.csv").Select(r => r[1]));
    }
}
