using Styrkort.Accounts.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>How items and fields are read: separators, quotes, escapes, object lists, voucher blocks, tolerated habits.</summary>
public sealed partial class SieReaderTest
{
    private const string Head = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Test AB\"\n#RAR 0 20230101 20231231\n";

    [Fact]
    public void Fields_AreSeparatedByRunsOfSpacesAndTabs()
    {
        var d = Read(Head + "#KONTO\t \t1930  \t\"Bank konto\"\n#UB   0\t1930\t\t 125.50\n").Document;
        Assert.Equal("Bank konto", d.Accounts.Single().Name);
        Assert.Equal(125.50m, d.Balances.Single().Amount);
    }

    [Fact]
    public void QuotedFields_EscapeQuotesWithBackslashOnly()
    {
        var d = Read(Head + "#KONTO 1915 \"Kassa \\\"special\\\"\"\n#FNR \"C:\\Data\\Företag\"\n").Document;
        Assert.Equal("Kassa \"special\"", d.Accounts.Single().Name);
        Assert.Equal(@"C:\Data\Företag", d.Header.CompanyCode);
    }

    [Fact]
    public void UnquotedNames_WithSpacesAreJoined()
    {
        var d = Read("#FNAMN Bolaget i Byn AB\n#PROSA Exporterat av ett program\n#KONTO 1930 Bank och kassa\n#RAR 0 20230101 20231231\n").Document;
        Assert.Equal("Bolaget i Byn AB", d.Header.CompanyName);
        Assert.Equal("Exporterat av ett program", d.Header.Comments.Single());
        Assert.Equal("Bank och kassa", d.Accounts.Single().Name);
    }

    [Fact]
    public void UnknownLabelsAndExtraFields_AreIgnored()
    {
        var result = Read(Head + "#NYTT_I_SIE5 1 2 3\n#UB 0 1930 100 5 \"framtida fält\"\n#KONTO 1930 Bank\n");
        Assert.Equal(5m, result.Document.Balances.Single().Quantity);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ObjectLists_QuotedOrNot_WithSpacesOrNone()
    {
        var d = Read(Head + """
            #VER A 1 20230105 "Lön"
            {
            #TRANS 7010 {"1" "456" 7 "47"} 13200.00
            #TRANS 1910 { } -13200.00
            #TRANS 1910 {6 P1}	0
            }
            """).Document;
        var rows = d.Vouchers.Single().Rows;
        Assert.Equal([new ObjectRef("1", "456"), new ObjectRef("7", "47")], rows[0].Objects);
        Assert.Empty(rows[1].Objects);
        Assert.Equal(new ObjectRef("6", "P1"), rows[2].Objects.Single());
    }

    [Fact]
    public void Rows_TakeTheirOwnDateTextQuantityAndSign()
    {
        var row = Read(Head + "#VER \"\" \"\" 20230105\n{\n#TRANS 3010 {} -100 20230106 \"Sålt\" -2 \"AE\"\n#TRANS 1930 {} 100\n}\n").Document.Vouchers.Single().Rows[0];
        Assert.Equal((new DateOnly(2023, 1, 6), "Sålt", -2m, "AE"), (row.Date, row.Text, row.Quantity, row.Sign));
    }

    [Fact]
    public void VoucherBlock_OpenedOnTheVerLineOrMissingIsTolerated()
    {
        var result = Read(Head + "#VER A 1 20230105 \"x\" {\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n#VER A 2 20230106\n\n#TRANS 1930 {} 2\n#TRANS 3010 {} -2\n}\n");
        Assert.Equal([2, 2], result.Document.Vouchers.Select(v => v.Rows.Count));
        Assert.Contains(result.Warnings, w => w is { Kind: SieWarningKind.Syntax, Line: 9 });
    }

    [Fact]
    public void VoucherBlock_NotClosedBeforeTheNextItemIsClosedThere()
    {
        var result = Read(Head + "#VER A 1 20230105\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n#VER A 2 20230106\n{\n#TRANS 1930 {} 2\n#TRANS 3010 {} -2\n}\n");
        Assert.Equal(2, result.Document.Vouchers.Count);
        Assert.Contains(result.Warnings, w => w.Line == 5 && w.Message.Contains("not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void RowsOutsideVouchers_AreIgnoredWithAWarning()
    {
        var result = Read(Head + "#TRANS 1930 {} 1\n{\n#TRANS 1930 {} 1\n}\n}\n");
        Assert.Empty(result.Document.Vouchers);
        Assert.Equal([5, 6, 9], result.Warnings.Select(w => w.Line));
    }

    [Fact]
    public void TransWithoutObjectList_IsReadWithoutOne()
    {
        var result = Read(Head + "#VER A 1 20230105\n{\n#TRANS 1930 100\n#TRANS 3010 -100\n}\n");
        Assert.Equal([100m, -100m], result.Document.Vouchers.Single().Rows.Select(r => r.Amount));
        Assert.Contains("(and on 1 more lines)", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234,50", 1234.50, "decimal comma")]
    [InlineData("+100", 100, "plus sign")]
    [InlineData("0.123456", 0.1235, "more than 4 decimals")]
    [InlineData("10.000000", 10, null)]
    [InlineData("-0", 0, null)]
    public void Amounts_NonStandardButReadable(string amount, double expected, string? note)
    {
        var result = Read(Head + $"#UB 0 1930 {amount}\n");
        Assert.Equal((decimal)expected, result.Document.Balances.Single().Amount);
        if (note is null) Assert.Empty(result.Warnings);
        else Assert.Contains(note, Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LineEndings_LfCrLfOrCrAlone(string newline)
    {
        var text = (Head + "#UB 0 1930 1\n#UB 0 2440 -1\n").Replace("\n", newline, StringComparison.Ordinal);
        var d = SieReader.Read(System.Text.Encoding.ASCII.GetBytes(text), "test.se").Document;
        Assert.Equal(2, d.Balances.Count);
        Assert.Single(d.FiscalYears);
    }

    [Fact]
    public void DuplicateBalances_AreAddedWithAWarning()
    {
        var result = Read(Head + "#UB 0 1930 100\n#UB 0 1930 50\n");
        Assert.Equal(150m, result.Document.Balances.Single().Amount);
        Assert.Equal((SieWarningKind.DuplicateBalance, 6), (result.Warnings.Single().Kind, result.Warnings.Single().Line));
    }

    [Fact]
    public void BalancesOfAYearWithoutRar_AreLeftOut()
    {
        var result = Read(Head + "#UB -1 1930 100\n#UB 0 1930 50\n");
        Assert.Equal(0, result.Document.Balances.Single().YearIndex);
        Assert.Contains("no #RAR -1", result.Warnings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DosEndOfFileMarkerAndBlankLines_AreNothing() =>
        Assert.Empty(SieReader.Read([.. Bytes(Head + "\n\n   \n"), 0x1A], "test.se").Warnings);
}
