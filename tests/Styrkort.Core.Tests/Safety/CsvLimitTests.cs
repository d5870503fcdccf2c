using System.Diagnostics;
using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// A CSV file past a limit (columns, header length, line length, field length) is refused with file, line and column,
/// and the warehouse keeps what it had. The wide header is refused before DuckDB reads the file.
/// </summary>
public sealed class CsvLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-csv-").FullName;
    private readonly Core.Warehouse.DuckDb.DuckDbWarehouse _warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);
    private readonly GoalFile _goals;

    public CsvLimitTests()
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, PathTests.SmallGoals);
        _goals = GoalFileReader.Read(path);
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        _warehouse.Import(_goals, _folder, TimeProvider.System);
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Header_WithAMillionColumns_IsRefusedAtOnce()
    {
        var header = new StringBuilder("unit_id,amount");
        for (var i = 3; i <= 1_000_000; i++) header.Append(",c").Append(i);
        Write("sales.csv", header + "\nshop,1\n");
        var clock = Stopwatch.StartNew();

        var error = Refused();

        // Today's answer in milliseconds; the old import held the warehouse for 41 minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal((1, Limits.CsvColumns + 1), (error.Location.Line, error.Location.Column));
        Assert.EndsWith("sales.csv", error.Location.File, StringComparison.Ordinal);
        Assert.Contains($"more than {Limits.CsvColumns} columns", error.Message, StringComparison.Ordinal);
        Unchanged();
    }

    [Fact]
    public void Header_AtTheColumnLimit_IsRead()
    {
        var header = "unit_id,amount" + string.Concat(Enumerable.Range(3, Limits.CsvColumns - 2).Select(i => $",c{i}"));
        Write("sales.csv", header + "\nshop,1" + new string(',', Limits.CsvColumns - 2) + "\n");
        _warehouse.Import(_goals, _folder, TimeProvider.System);
        Assert.Equal(1, _warehouse.Lineage(["sales"]).Single().Rows);
    }

    [Fact]
    public void Header_LongerThanTheLimit_IsRefused()
    {
        Write("sales.csv", "unit_id,amount,\"" + new string('x', Limits.CsvHeaderChars) + "\"\nshop,1,\n");
        var error = Refused();
        Assert.Equal(1, error.Location.Line);
        Assert.Contains($"the header row is longer than {Limits.CsvHeaderChars} characters", error.Message, StringComparison.Ordinal);
        Unchanged();
    }

    [Fact]
    public void Field_LongerThanTheLimit_IsRefusedWithLineAndColumn_AndNotEchoed()
    {
        Write("sales.csv", "unit_id,amount\nshop,1\nshop," + new string('9', Limits.CsvFieldChars + 1) + "\n");
        var error = Refused();
        Assert.Equal((3, 2, "amount"), (error.Location.Line, error.Location.Column, error.Location.Field));
        Assert.Contains($"the value is longer than {Limits.CsvFieldChars} characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9999999999", error.Message, StringComparison.Ordinal);
        Unchanged();
    }

    [Fact]
    public void Field_AtTheLimit_PassesTheLengthCheck()
    {
        Write("sales.csv", "unit_id,amount,note\nshop,1," + new string('x', Limits.CsvFieldChars) + "\n");
        _warehouse.Import(_goals, _folder, TimeProvider.System);
        Assert.Equal(1, _warehouse.Lineage(["sales"]).Single().Rows);
    }

    [Fact]
    public void Line_LongerThanTheLimit_IsRefusedWithItsLine()
    {
        // The long part is a column the goal file does not declare: only the line length can refuse it.
        Write("sales.csv", "unit_id,amount,note\nshop,1,x\nshop,2," + new string('x', Limits.CsvLineBytes + 10) + "\n");
        var error = Refused();
        Assert.Equal(3, error.Location.Line);
        Assert.EndsWith("sales.csv", error.Location.File, StringComparison.Ordinal);
        Assert.Contains($"the line is longer than {Limits.CsvLineBytes} bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxxxx", error.Message, StringComparison.Ordinal);
        Unchanged();
    }

    private StyrkortException Refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => _warehouse.Import(_goals, _folder, TimeProvider.System));
        return error switch
        {
            StyrkortException s => s,
            InputErrorsException e => new StyrkortException(Assert.Single(e.Errors).Location, e.Errors[0].Message),
            _ => throw new Xunit.Sdk.XunitException("expected a located error, found " + error),
        };
    }

    /// <summary>The warehouse still holds the first import: one batch, one sales row.</summary>
    private void Unchanged()
    {
        Assert.Equal(1, _warehouse.Lineage(["sales"]).Single().Rows);
        using var command = _warehouse.Connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT batch_id) FROM _imports";
        Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}

/// <summary>The unit tree is at most <see cref="Limits.UnitDepth"/> levels deep: a long chain is refused at the first unit too deep, quickly.</summary>
public sealed class UnitDepthTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-units-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UnitChain_DeeperThanTheLimit_IsRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), PathTests.SmallGoals);
        var units = new StringBuilder("unit_id,parent_id\nu0,\n");
        for (var i = 1; i <= 20_000; i++) units.Append('u').Append(i).Append(",u").Append(i - 1).Append('\n');
        File.WriteAllText(Path.Combine(_folder, "units.csv"), units.ToString());
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), "unit_id,amount\nu0,1\n");
        using var warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<InputErrorsException>(() => warehouse.Import(GoalFileReader.Read(Path.Combine(_folder, "goals.yaml")), _folder, TimeProvider.System));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(Limits.UnitDepth + 3, error.Errors[0].Location.Line); // u65: the header is line 1, u0 line 2
        Assert.Contains($"more than {Limits.UnitDepth} levels below it", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(warehouse.HasUnits);
    }
}
