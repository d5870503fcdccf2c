using System.Globalization;
using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;
using Styrkort.Core.Warehouse.DuckDb;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// The one-pass import against the checked path, cell by cell: whatever the checked path refuses, the one-pass path
/// hands over (so the checked path's message is the one given); whatever the one-pass path loads, it loads exactly as
/// the checked path does (types, values, lines). The cells are the ones its cheaper checks could get wrong.
/// </summary>
public sealed class OnePassImportTests : IDisposable
{
    private const string Goals = """
        datasets:
          units:
            key: [unit_id]
            columns: {unit_id: text, parent_id: {type: text, nullable: true}}
          cells:
            key: [k]
            columns:
              k: integer
              i: {type: integer, nullable: true, min: -5, max: 1000000}
              d: {type: decimal, nullable: true}
              rd: decimal
              y: {type: year, nullable: true}
              dt: {type: date, nullable: true}
              m: {type: month, nullable: true}
              b: {type: boolean, nullable: true}
              n: {type: number, nullable: true}
              c: {type: code, values: [A, B], nullable: true}
              t: {type: text, nullable: true, pattern: '[0-9]{2}'}
              rt: text
        units: {dataset: units, id: unit_id, parent: parent_id}
        """;

    private const string Header = "k,i,d,rd,y,dt,m,b,n,c,t,rt";
    private static readonly string[] Good = ["1", "7", "12.5", "3", "2024", "2024-02-29", "2024-02", "true", "1.5", "A", "01", "x"];

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-onepass-").FullName;
    private readonly Dataset _cells;

    public OnePassImportTests()
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, Goals);
        _cells = GoalFileReader.Read(path).Datasets["cells"];
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Cells() => new()
    {
        // Integers: signs, spaces, leading zeros, exponents, overflow, bounds.
        { "i", "+5" }, { "i", " 5" }, { "i", "5 " }, { "i", "007" }, { "i", "-0" }, { "i", "1e3" }, { "i", "5.0" }, { "i", "-6" }, { "i", "-5" },
        { "i", "1000001" }, { "i", "99999999999999999999" }, { "i", "  " }, { "i", "" }, { "i", "٣" },
        // Decimals: a point with no digits on one side, too many digits, leading zeros, exponents, spaces.
        { "d", "5." }, { "d", ".5" }, { "d", "-.5" }, { "d", "1.23456" }, { "d", "1.2345" }, { "d", "1.50" }, { "d", "-0" }, { "d", "-0.0" },
        { "d", "0012.5" }, { "d", "00000000000000001" }, { "d", "99999999999999" }, { "d", "100000000000000" }, { "d", "1e3" },
        { "d", " 1" }, { "d", "1 " }, { "d", "+1" }, { "d", "1.2.3" }, { "d", "-" }, { "d", "  " }, { "d", "" },
        { "rd", "" }, { "rd", "  " }, { "rd", "0" },
        // Years, dates, months: too few or many digits, no padding, impossible days, signs.
        { "y", "0999" }, { "y", "999" }, { "y", "-999" }, { "y", "10000" }, { "y", "+2024" }, { "y", " 2024" },
        { "dt", "2024-2-29" }, { "dt", "2023-02-29" }, { "dt", "10000-01-01" }, { "dt", "0999-01-01" }, { "dt", " 2024-01-01" },
        { "dt", "2024-01-01 00:00:00" }, { "dt", "20240101" }, { "dt", "-2024-01-01" },
        { "m", "2024-1" }, { "m", "2024-13" }, { "m", "2024-01-01" }, { "m", "0999-12" }, { "m", " 2024-01" },
        // Booleans: case, spaces, other spellings.
        { "b", "false" }, { "b", "TRUE" }, { "b", " true" }, { "b", "1" }, { "b", "t" }, { "b", "  " }, { "b", "" },
        // Numbers, codes, patterns, required text.
        { "n", "1e3" }, { "n", "1E-3" }, { "n", ".5" }, { "n", "inf" }, { "n", "1e999" }, { "n", " 1" },
        { "c", "a" }, { "c", " A" }, { "c", "C" }, { "t", "1" }, { "t", " 01" }, { "t", "ab" },
        { "rt", "" }, { "rt", "   " }, { "rt", " x " }, { "rt", "x " }, { "rt", "\tx\t" }, { "rt", "\u00a0x\u00a0" }, { "t", "01 " },
        { "t", "  " }, { "c", "A " }, { "c", "  " },
        // Text stored as read only when the scan finds nothing DuckDB's trim could take: spaces past ASCII, ASCII controls.
        { "rt", "\u2003x" }, { "rt", "x\u2003" }, { "rt", "x\u0085" }, { "rt", "café" }, { "rt", "\u00e9x" }, { "c", "A\u00a0" }, { "rt", "x\u0001" },
        // Keys: equal once converted, different as text.
        { "k", "01" }, { "k", "+1" },
        // A field past the length limit.
        { "rt", new string('é', Limits.CsvFieldChars / 2 + 1) }, { "rt", new string('x', Limits.CsvFieldChars + 1) },
        { "i", new string('1', Limits.CsvFieldChars + 1) }, { "d", new string('1', Limits.CsvFieldChars + 1) }, { "n", new string('1', Limits.CsvFieldChars + 1) },
        { "c", new string('A', Limits.CsvFieldChars + 1) }, { "i", new string('0', Limits.CsvFieldChars) + "1" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void OnePass_LoadsExactlyWhatTheCheckedPathLoads_OrHandsOver(string column, string cell)
    {
        // The cell under test on line 3, between two good rows; for the key column, after a row with key 1.
        var row = Good.ToArray();
        row[Array.IndexOf(Header.Split(','), column)] = cell.Contains(',', StringComparison.Ordinal) ? $"\"{cell}\"" : cell;
        var second = Good.ToArray();
        second[0] = "2";
        if (column == "k") second = row;
        else row[0] = "3";
        var third = Good.ToArray();
        third[0] = "4";
        var file = Path.Combine(_folder, "cells.csv");
        File.WriteAllText(file, string.Join('\n', [Header, string.Join(',', Good), string.Join(',', second), string.Join(',', column == "k" ? third : row)]) + "\n");

        var (checkedRows, checkedError) = Run(DatasetLoader.Way.CheckedOnly, file);
        var (onePassRows, onePassError) = Run(DatasetLoader.Way.OnePassOnly, file);

        Assert.Null(onePassError);
        if (checkedError is not null) Assert.Null(onePassRows);
        else if (onePassRows is not null) Assert.Equal(checkedRows, onePassRows);
    }

    [Fact]
    public void OnePass_TakesAGoodFileAlone()
    {
        var file = Path.Combine(_folder, "cells.csv");
        File.WriteAllText(file, Header + "\n" + string.Join(',', Good) + "\n2,,,0,,,,,,,,y\n");
        var (checkedRows, _) = Run(DatasetLoader.Way.CheckedOnly, file);
        var (onePassRows, _) = Run(DatasetLoader.Way.OnePassOnly, file);
        Assert.NotNull(onePassRows);
        Assert.Equal(checkedRows, onePassRows);
    }

    [Fact]
    public void OnePass_HandsOverAFileWithInvalidUtf8InAColumnTheDatasetDoesNotDeclare_WhichTheCheckedPathRefuses()
    {
        // DuckDB checks UTF-8 only in the columns a statement uses; the scan reads every byte.
        var file = Path.Combine(_folder, "cells.csv");
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes(Header + ",extra\n" + string.Join(',', Good) + ",ok\n" + string.Join(',', Good).Replace("1,", "2,", StringComparison.Ordinal) + ","), 0xFF, 0xFE, (byte)'\n']);
        var (_, checkedError) = Run(DatasetLoader.Way.CheckedOnly, file);
        var (onePassRows, onePassError) = Run(DatasetLoader.Way.OnePassOnly, file);
        var (_, eitherError) = Run(DatasetLoader.Way.Either, file);
        Assert.NotNull(checkedError);
        Assert.Null(onePassRows);
        Assert.Null(onePassError);
        Assert.Equal(checkedError, eitherError);
    }

    private static string Row(params string[] cells) => string.Join(',', Good.Select((g, i) => i < cells.Length && cells[i] != "=" ? cells[i] : g));

    /// <summary>Whole files whose form (quotes, line ends, blank lines, keys that are equal only as text) the scan must read as DuckDB does.</summary>
    public static TheoryData<string, string> Files() => new()
    {
        { "crlf", Header + "\r\n" + Row("1") + "\r\n" + Row("2") + "\r\n" },
        { "bom", "\uFEFF" + Header + "\n" + Row("1") + "\n" },
        { "no final line end", Header + "\n" + Row("1") + "\n" + Row("2") },
        { "quoted cells", Header + "\n" + Row("\"1\"", "\"7\"", "\"12.5\"", "=", "\"2024\"", "\"2024-01-01\"", "=", "\"true\"", "=", "\"A\"", "\"01\"", "\"a \"\"b\"\", c\"") + "\n" + Row("2") + "\n" },
        { "quoted empty cells", Header + "\n" + Row("1", "\"\"", "\"\"", "=", "\"\"", "\"\"", "\"\"", "\"\"", "\"\"", "\"\"", "\"\"") + "\n" },
        { "a line feed inside quotes", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", "\"two\nlines\"") + "\n" + Row("2") + "\n" },
        { "a quoted required cell with nothing in it", Header + "\n" + Row("1", "=", "=", "\"\"") + "\n" },
        { "a key quoted and not", Header + "\n" + Row("1") + "\n" + Row("\"1\"") + "\n" },
        { "keys unsorted", Header + "\n" + Row("3") + "\n" + Row("1") + "\n" + Row("2") + "\n" },
        { "a repeated key far apart", Header + "\n" + string.Join("\n", Enumerable.Range(1, 500).Select(k => Row(k.ToString(CultureInfo.InvariantCulture)))) + "\n" + Row("250") + "\n" },
        { "a blank line", Header + "\n" + Row("1") + "\n\n" + Row("2") + "\n" },
        { "a bare CR", Header + "\n" + Row("1") + "\r" + Row("2") + "\n" },
        { "a CR inside a field", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", "a\rb") + "\n" },
        { "a quote inside a field", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", "a\"b") + "\n" },
        { "text after a closing quote", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", "\"a\"b") + "\n" },
        { "an open quote", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", "\"ab") + "\n" },
        { "a field too many", Header + "\n" + Row("1") + ",x\n" },
        { "a field too few", Header + "\n" + Row("1")[..^2] + "\n" },
        { "a space before a quote", Header + "\n" + Row("1", "=", "=", "=", "=", "=", "=", "=", "=", "=", "=", " \"x\"") + "\n" },
        { "only the header", Header + "\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void OnePass_ReadsEveryFormOfFileAsTheCheckedPathDoes_OrHandsOver(string name, string text)
    {
        var file = Path.Combine(_folder, "cells.csv");
        File.WriteAllText(file, text);
        var (checkedRows, checkedError) = Run(DatasetLoader.Way.CheckedOnly, file);
        var (onePassRows, onePassError) = Run(DatasetLoader.Way.OnePassOnly, file);
        Assert.True(onePassError is null, name);
        if (checkedError is not null) Assert.Null(onePassRows);
        else if (onePassRows is not null) Assert.Equal(checkedRows, onePassRows);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("bom")]
    [InlineData("no final line end")]
    [InlineData("quoted cells")]
    [InlineData("quoted empty cells")]
    [InlineData("a line feed inside quotes")]
    [InlineData("keys unsorted")]
    [InlineData("only the header")]
    public void OnePass_TakesAGoodFileInAnyOfTheseFormsAlone(string name)
    {
        var file = Path.Combine(_folder, "cells.csv");
        File.WriteAllText(file, (string)Files().Single(f => (string)f[0] == name)[1]);
        Assert.NotNull(Run(DatasetLoader.Way.OnePassOnly, file).Rows);
    }

    /// <summary>The table a path leaves (column types, then every row as text), or the checked path's complaint.</summary>
    private (List<string>? Rows, string? Error) Run(DatasetLoader.Way way, string file)
    {
        using var warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);
        var db = warehouse.Connection;
        DbExtensions.Execute(db, "BEGIN TRANSACTION");
        try
        {
            if (DatasetLoader.Load(db, _cells, file, "cells.csv", way) is null) return (null, null);
        }
        catch (Exception e) when (e is StyrkortException or InputErrorsException or DuckDB.NET.Data.DuckDBException)
        {
            return (null, e.Message);
        }
        var types = DbExtensions.Rows(db, "SELECT column_name || ' ' || data_type FROM duckdb_columns() WHERE table_name = 'cells' ORDER BY column_index")
            .Select(r => (string)r[0]!);
        var rows = DbExtensions.Rows(db, "SELECT * FROM cells ORDER BY rowid")
            .Select(r => string.Join('|', r.Select(v => v is null ? "NULL" : Convert.ToString(v, CultureInfo.InvariantCulture))));
        DbExtensions.Execute(db, "ROLLBACK");
        return ([.. types, .. rows], null);
    }
}
