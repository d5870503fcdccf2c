using Styrkort.Accounts.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>The fifteen real files of ../shared/data/sie: every one is read, and the quirks its README lists are handled.</summary>
public sealed partial class SieReaderTest
{
    // The check values of ../shared/data/sie/README.md: −Σ #RES 0 over 3000–3799 and Σ #UB 0 over 1000–1999.
    public static TheoryData<string, decimal, decimal> CheckValues => new()
    {
        { "bl-admin-2011_BL0001_typ4.SE", 289_328.17m, 1_616_471.64m },
        { "norstedts-bokslut-2011_SIE4E.se", 4_726_937.60m, 3_332_243.33m },
        { "mamut-enterprise-14_SIE4_EXPORT.SE", 10_480_594.09m, 24_818_664.15m },
        { "softone-xe-2015_XE_SIE_4.SE", 114_066.51m, -461_890.03m },
        { "briljant-09_Test4.SE", 2_491_585.91m, 1_893_332.00m },
        { "visma-adm2000-2022_SIE4_Exempelfil.SE", 5_782_818.36m, 4_257_572.13m },
        { "visma-compact-6_sie4.se", 1_068_601.20m, 634_243.85m },
        { "visma-compact-6_sie1.se", 1_068_601.20m, 634_243.85m },
        { "e-conomic-2011_sie4.se", 1_108_914.20m, 1_446_508.36m },
        { "softone-business-2016_Sie4.se", 1_675_718.95m, 104_262_692.95m },
        { "fortnox-bokforing-2.0_Sie4.se", 13_713_237.06m, 11_481_116.50m },
        { "magenta-bokforing-2011_SIE4E.se", 104_319.75m, 459_211.00m },
        { "avendo-5.20_transaktioner_bad-balance.se", 1_960_220.73m, 5_059_296.14m },
        { "edison-ekonomi-byra-4.9_typ4.se", 383_269.14m, 1_620_489.89m },
        { "bl-admin-2018_BLBLOV_SIE4_ISO_8859_15.SE", 6_700.00m, 1_488_229.24m },
    };

    [Theory]
    [MemberData(nameof(CheckValues))]
    public void RealFile_IsReadAndHoldsTheReadmeCheckValues(string file, decimal netRevenue, decimal totalAssets)
    {
        var document = SieReader.Read(Real(file)).Document;
        static bool In(string account, int from, int to) => int.TryParse(account.Length > 4 ? account[..4] : account, out var n) && n >= from && n <= to;
        Assert.Equal(netRevenue, -document.Balances.Where(b => b.Kind == BalanceKind.Result && b.YearIndex == 0 && In(b.Account, 3000, 3799)).Sum(b => b.Amount));
        Assert.Equal(totalAssets, document.Balances.Where(b => b.Kind == BalanceKind.Closing && b.YearIndex == 0 && In(b.Account, 1000, 1999)).Sum(b => b.Amount));
        Assert.NotNull(document.Year(0));
    }

    [Fact]
    public void RealFiles_AreAllCovered() => Assert.Equal(CheckValues.Select(row => (string)row[0]).Order(StringComparer.Ordinal), RealNames());

    [Theory]
    [InlineData("bl-admin-2018_BLBLOV_SIE4_ISO_8859_15.SE", "ISO-8859-15", "Övningsföretaget AB")]
    [InlineData("visma-adm2000-2022_SIE4_Exempelfil.SE", "CP437", "Övningsbolaget AB")]
    [InlineData("e-conomic-2011_sie4.se", "CP437", "Lillakonsultbyrån")]
    public void RealFile_EncodingIsSniffedNotTakenFromFormat(string file, string encoding, string company)
    {
        var result = SieReader.Read(Real(file));
        Assert.Equal("PC8", result.Document.Header.DeclaredFormat);
        Assert.Equal(encoding, result.Document.Header.Encoding);
        Assert.Equal(company, result.Document.Header.CompanyName);
        Assert.Equal(encoding != "CP437", result.Warnings.Any(w => w is { Kind: SieWarningKind.Encoding, Line: 3 }));
    }

    [Fact]
    public void RealFile_StrayLatin1BytesInCp437AreReadAsLetters()
    {
        var bl = SieReader.Read(Real("bl-admin-2011_BL0001_typ4.SE"));
        Assert.Contains(bl.Document.Objects, o => o is { Dimension: "6", Id: "Å1", Name: "årsta" });
        Assert.Contains(bl.Warnings, w => w is { Kind: SieWarningKind.Encoding, Line: 40 });
        var visma = SieReader.Read(Real("visma-adm2000-2022_SIE4_Exempelfil.SE"));
        Assert.Equal(@"C:\ProgramData\SPCS\SPCS Administration\Företag\Ovnbol2000", visma.Document.Header.CompanyCode);
    }

    [Theory]
    [InlineData("norstedts-bokslut-2011_SIE4E.se")]
    [InlineData("visma-compact-6_sie4.se")]
    [InlineData("visma-compact-6_sie1.se")]
    public void RealFile_ControlSumIsVerified(string file)
    {
        var result = SieReader.Read(Real(file));
        Assert.Equal(Checksum.Valid, result.Document.Header.Checksum);
        Assert.DoesNotContain(result.Warnings, w => w.Kind == SieWarningKind.Checksum);
    }

    [Fact]
    public void RealFile_RTransAndBTransAreRowsAddedAndRemoved()
    {
        var document = SieReader.Read(Real("bl-admin-2011_BL0001_typ4.SE")).Document;
        var a8 = document.Vouchers.Single(v => v is { Series: "A", Number: "8" });
        Assert.Equal([RowKind.Removed, RowKind.Added, RowKind.Removed, RowKind.Added, RowKind.Removed], a8.Rows.Select(r => r.Kind));
        Assert.Equal(0, a8.Imbalance);
        var a25 = document.Vouchers.Single(v => v is { Series: "A", Number: "25" });
        // Two #RTRANS, each followed by its #TRANS copy: the copies are not rows of their own.
        Assert.Equal(4, a25.Rows.Count);
        Assert.Equal(new ObjectRef("1", "1"), a25.Rows[3].Objects.Single());
        Assert.Contains(document.ObjectBalances, b => b is { Kind: BalanceKind.Opening, YearIndex: 0, Account: "1930", Amount: 7600 });
    }

    [Fact]
    public void RealFile_TabsQuotedNumbersAndMultiPairObjectLists()
    {
        var document = SieReader.Read(Real("mamut-enterprise-14_SIE4_EXPORT.SE")).Document;
        Assert.Equal("PC8", document.Header.DeclaredFormat);
        Assert.Equal("EUBAS97", document.Header.ChartOfAccounts);
        var first = document.Vouchers[0];
        Assert.Equal(("1", "1"), (first.Series, first.Number));
        Assert.Equal([new ObjectRef("1", "2"), new ObjectRef("10", "12")], first.Rows[0].Objects);
        Assert.Equal(-301_050.00m, first.Rows[0].Amount);
    }

    [Fact]
    public void RealFile_PeriodBalancesAndBudgetsInType4()
    {
        var document = SieReader.Read(Real("briljant-09_Test4.SE")).Document;
        Assert.Equal(375, document.PeriodBalances.Count(p => p.Kind == PeriodBalanceKind.Actual));
        Assert.Equal(146, document.PeriodBalances.Count(p => p.Kind == PeriodBalanceKind.Budget));
        Assert.Contains(document.PeriodBalances, p => p is { Kind: PeriodBalanceKind.Actual, Year: 2008, Month: 5, Account: "1200", Amount: 4667 });
        Assert.Single(document.FiscalYears);
    }

    [Fact]
    public void RealFile_PeriodAndAccountSwappedInBudgetsAreReadTheRightWay()
    {
        var result = SieReader.Read(Real("bl-admin-2018_BLBLOV_SIE4_ISO_8859_15.SE"));
        Assert.Contains(result.Document.PeriodBalances, p => p is { Kind: PeriodBalanceKind.Budget, Account: "1119", Year: 2017, Month: 1, Amount: -1666 });
        var note = Assert.Single(result.Warnings, w => w.Message.StartsWith("#PBUDGET gives the account before the period", StringComparison.Ordinal));
        Assert.Equal(545, note.Line);
    }

    [Fact]
    public void RealFile_UnquotedTextWithSpacesBookedToAndLeadingZeroAccounts()
    {
        var document = SieReader.Read(Real("magenta-bokforing-2011_SIE4E.se")).Document;
        Assert.Contains("Kontoplanstyp är BAS2011", document.Header.Comments);
        Assert.Equal(new DateOnly(2011, 1, 31), document.Header.BookedTo);
        Assert.Contains(document.Accounts, a => a.Number == "0351");
    }

    [Fact]
    public void RealFile_OrgNrWithAcquisitionNumberAndPaddedNames()
    {
        var edison = SieReader.Read(Real("edison-ekonomi-byra-4.9_typ4.se")).Document.Header;
        Assert.Equal(("000000-0000", "1"), (edison.OrgNr, edison.AcquisitionNumber));
        var softone = SieReader.Read(Real("softone-business-2016_Sie4.se")).Document;
        Assert.Equal("Ack avskr på balans utg", softone.Accounts.Single(a => a.Number == "1019").Name);
        Assert.Equal(["", "Postgatan 77", "777 77 Staden", "077-77 77 00"], softone.Header.Address);
    }

    [Fact]
    public void RealFile_TortureCaseWithTabsEverywhereAndA26MonthYear()
    {
        var document = SieReader.Read(Real("softone-xe-2015_XE_SIE_4.SE")).Document;
        var previous = document.Year(-1)!;
        Assert.Equal((new DateOnly(2013, 7, 1), new DateOnly(2015, 8, 31)), (previous.Start, previous.End));
        Assert.Equal(65, document.Vouchers.Count);
        Assert.Contains(document.PeriodBalances, p => p.Objects.Count == 3 && p.Objects[1] == new ObjectRef("6", "Bilen"));
    }
}
