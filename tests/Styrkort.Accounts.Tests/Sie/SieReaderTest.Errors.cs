using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>Input that cannot be read is refused as a whole, with line and column of each problem.</summary>
public sealed partial class SieReaderTest
{
    private static InputError Refused(byte[] bytes)
    {
        var e = Assert.Throws<InputErrorsException>(() => SieReader.Read(bytes, "test.se"));
        return e.Errors[0];
    }

    private static InputError Refused(string text) => Refused(Bytes(text));

    [Theory]
    [InlineData("#UB 0 1930 12.5.0\n", 5, 12, "#UB: expected an amount such as -1234.50, found '12.5.0'")]
    [InlineData("#UB 0 1930\n", 5, 11, "#UB: expected an amount")]
    [InlineData("#UB X 1930 1\n", 5, 5, "#UB: expected a year number (0, −1, …) (a whole number), found 'X'")]
    [InlineData("#RAR -1 20220101 20221301\n", 5, 18, "#RAR: expected the last day of the fiscal year, a date YYYYMMDD, found '20221301'")]
    [InlineData("#RAR -1 20221231 20220101\n", 5, 18, "the fiscal year ends (2022-01-01) before it starts (2022-12-31)")]
    [InlineData("#VER A 1 2023-01-05\n{\n}\n", 5, 10, "#VER: expected the voucher date, a date YYYYMMDD, found '2023-01-05'")]
    [InlineData("#PSALDO 0 2023 3010 {} 1\n", 5, 11, "#PSALDO: expected a period YYYYMM, found '2023'")]
    [InlineData("#OIB 0 1930 7600\n", 5, 13, "#OIB: expected an object list {dimension object}")]
    [InlineData("#UB 0 1930 123456789012345\n", 5, 12, "the amount 123456789012345 is too large")]
    [InlineData("#VER A 1 20230105\n{\n#TRANS 1930 {1 \"10\" 100\n}\n", 7, 13, "#TRANS: the object list is not closed; expected '}'")]
    public void Unreadable_IsAnErrorAtLineAndColumn(string item, int line, int column, string phrase)
    {
        var error = Refused(Head + item);
        Assert.Equal(("test.se", line, column), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_CountsCharactersNotBytes_InUtf8()
    {
        // "Företag" is 7 characters but 8 bytes in UTF-8: the amount after it is in column 17, at byte 18.
        var error = Refused(Bytes(Head + "#KONTO 1930 Företag\n#UB 0 \"Företag\" x.y\n", 65001));
        Assert.Equal((6, 17), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void FileEndingInsideAVoucher_IsCutShort()
    {
        var error = Refused(Head + "#VER A 1 20230105\n{\n#TRANS 1930 {} 1\n");
        Assert.Equal(5, error.Location.Line);
        Assert.Contains("ends inside the voucher", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlSumAnnouncedButMissing_IsCutShort()
    {
        var error = Refused("#FLAGGA 0\n#KSUMMA\n" + Head[10..]);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("ends without it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, world\n")]
    [InlineData("{\n}\n")]
    public void NotSieAtAll_IsRefused(string text) =>
        Assert.Contains("this is not an SIE file", Refused(System.Text.Encoding.ASCII.GetBytes(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void SeveralErrors_AreReportedTogether()
    {
        var e = Assert.Throws<InputErrorsException>(() => Read(Head + "#UB 0 1930 x\n#UB 0 1931 y\n#IB 0 1930 z\n"));
        Assert.Equal([5, 6, 7], e.Errors.Select(x => x.Location.Line));
    }

    [Fact]
    public void MissingFile_IsAnError() =>
        Assert.Contains("SIE file not found", Assert.Throws<StyrkortException>(() => SieReader.Read("/no/such/file.se")).Message, StringComparison.Ordinal);
}
