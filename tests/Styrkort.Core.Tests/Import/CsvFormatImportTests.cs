using System.Globalization;
using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Tests.Goals;
using Styrkort.Core.Warehouse.Csv;
using Styrkort.Core.Warehouse.DuckDb;

namespace Styrkort.Core.Tests.Import;

/// <summary>
/// Files as Excel and other programs write them — a byte-order mark, UTF-16, Windows-1252, semicolons with decimal
/// commas — import the same values as the plain UTF-8 comma file, and the import history names what was detected.
/// </summary>
public sealed class CsvFormatImportTests : IDisposable
{
    private readonly AlmiData _data = new();
    private readonly DuckDbWarehouse _warehouse = DuckDbWarehouse.Open(null);

    static CsvFormatImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvFormatImportTests() => _data.Write();

    public void Dispose()
    {
        _warehouse.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Import_Utf8WithBom_ReadsTheValues_AndRecordsTheFormat()
    {
        Write("companies.csv", Companies(','), new UTF8Encoding(true));
        Write("loans.csv", "loan_id,org_nr,unit_id,disbursed_on,amount,phase\r\nL1,c1,north,2026-01-10,1250.5,start\r\n", new UTF8Encoding(true));

        var imported = Import();

        Assert.Equal(new CsvFormat(TextEncoding.Utf8Bom, FieldSeparator.Comma), imported["loans"]);
        Assert.Equal(1250.5m, Amount("L1"));
        Assert.Equal("Åström & Öberg AB", Name("c1"));
        Assert.Equal(new CsvFormat(TextEncoding.Utf8Bom, FieldSeparator.Comma), _warehouse.LatestImports().Single(i => i.Dataset == "loans").Format);
    }

    [Fact]
    public void Import_Utf16LittleEndian_ReadsTheValues()
    {
        Write("companies.csv", Companies(';'), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        Write("loans.csv", "loan_id;org_nr;unit_id;disbursed_on;amount;phase\r\nL1;c1;north;2026-01-10;12,5;start\r\n", new UnicodeEncoding(false, true));

        var imported = Import();

        Assert.Equal(new CsvFormat(TextEncoding.Utf16LE, FieldSeparator.Semicolon), imported["loans"]);
        Assert.Equal(12.5m, Amount("L1"));
        Assert.Equal("Åström & Öberg AB", Name("c1"));
    }

    [Fact]
    public void Import_Windows1252_ReadsÅäö()
    {
        Write("companies.csv", Companies(','), Encoding.GetEncoding(1252));

        var imported = Import();

        Assert.Equal(new CsvFormat(TextEncoding.Windows1252, FieldSeparator.Comma), imported["companies"]);
        Assert.Equal("Åström & Öberg AB", Name("c1"));
        Assert.Equal("Ärlig Ängel AB", Name("c2"));
        Assert.Equal("windows1252;comma", _warehouse.LatestImports().Single(i => i.Dataset == "companies").Format!.ToString());
    }

    [Fact]
    public void Import_SemicolonWithDecimalCommaAndSpaces_ReadsTheNumbers()
    {
        Write("loans.csv", "loan_id;org_nr;unit_id;disbursed_on;amount;phase\n" +
                           "L1;c1;north;2026-01-10;1 234 567,25;start\n" +
                           "L2;c2;north;2026-01-11;\"12,5\";start\n" +
                           "L3;c3;south;2026-01-12;\u22127\u00a0000;start\n" +
                           "L4;c4;south;2026-01-13;99.75;start\n", Encoding.GetEncoding(1252));

        var imported = Import();

        Assert.Equal(new CsvFormat(TextEncoding.Windows1252, FieldSeparator.Semicolon), imported["loans"]);
        Assert.Equal(1234567.25m, Amount("L1"));
        Assert.Equal(12.5m, Amount("L2"));
        Assert.Equal(-7000m, Amount("L3"));
        Assert.Equal(99.75m, Amount("L4"));
    }

    [Fact]
    public void Import_SemicolonWithAnUnreadableNumber_NamesTheUsersFileLineAndColumn()
    {
        Write("loans.csv", "loan_id;org_nr;unit_id;disbursed_on;amount;phase\nL1;c1;north;2026-01-10;12,5;start\nL2;c2;north;2026-01-11;1.234,5;start\n", new UTF8Encoding(false));

        var e = Assert.Throws<InputErrorsException>(() => Import());

        var error = Assert.Single(e.Errors);
        Assert.Equal(Path.Combine(_data.Folder, "loans.csv"), error.Location.File);
        Assert.Equal((3, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains("1.234,5", error.Message, StringComparison.Ordinal);
        Assert.Empty(_warehouse.LatestImports());
    }

    [Fact]
    public void Import_AStrayQuote_NamesLineAndColumn()
    {
        Write("loans.csv", "loan_id;org_nr;unit_id;disbursed_on;amount;phase\nL1;c1;north;2026-01-10;12,5;start\nL2;c\"2;north;2026-01-11;1;start\n", new UTF8Encoding(true));

        var e = Assert.Throws<InputErrorsException>(() => Import());

        Assert.Equal((3, 2), (e.Errors[0].Location.Line, e.Errors[0].Location.Column));
    }

    [Fact]
    public void Import_HashesTheUsersFile_NotTheCopy()
    {
        Write("companies.csv", Companies(';'), Encoding.GetEncoding(1252));
        var bytes = File.ReadAllBytes(Path.Combine(_data.Folder, "companies.csv"));

        Import();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            _warehouse.LatestImports().Single(i => i.Dataset == "companies").Sha256);
    }

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("1 234", "1234")]
    [InlineData("-0,25", "-0.25")]
    [InlineData("12.5", "12.5")]
    [InlineData("1.234,5", null)]
    [InlineData("12,5 kr", null)]
    [InlineData("", null)]
    public void SwedishNumber_ReadsDecimalCommaAndGroupSpaces(string text, string? expected) =>
        Assert.Equal(expected, CsvNormaliser.SwedishNumber(text));

    private static string Companies(char sep) => string.Join("\r\n",
        string.Join(sep, "org_nr", "name", "region", "leader_gender", "foreign_background"),
        string.Join(sep, "c1", "Åström & Öberg AB", "01", "F", "true"),
        string.Join(sep, "c2", "Ärlig Ängel AB", "01", "M", "false"),
        string.Join(sep, "c3", "Gamma AB", "03", "F", ""),
        string.Join(sep, "c4", "Delta AB", "12", "", "false"),
        string.Join(sep, "c5", "Epsilon AB", "12", "M", "true"),
        string.Join(sep, "c6", "Zeta AB", "03", "F", "false")) + "\r\n";

    private void Write(string file, string text, Encoding encoding)
    {
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        File.WriteAllBytes(Path.Combine(_data.Folder, file), bytes);
    }

    private Dictionary<string, CsvFormat?> Import() =>
        _warehouse.Import(AlmiData.GoalFile, _data.Folder, TimeProvider.System).ToDictionary(i => i.Dataset, i => i.Format);

    private decimal Amount(string loan) => Convert.ToDecimal(Scalar($"SELECT amount FROM loans WHERE loan_id = '{loan}'"), CultureInfo.InvariantCulture);

    private string Name(string company) => (string)Scalar($"SELECT name FROM companies WHERE org_nr = '{company}'")!;

    private object? Scalar(string sql)
    {
        using var command = _warehouse.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
