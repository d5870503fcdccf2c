using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// Long DuckDB work stops when the caller's token fires: an import is rolled back (the warehouse keeps what it had),
/// an evaluation ends. And a DuckDB error while evaluating names the metric, not the SQL.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const string Goals = """
        datasets:
          units:
            key: [unit_id]
            columns: {unit_id: text, parent_id: {type: text, nullable: true}}
          sales:
            unit: unit_id
            time: day
            columns: {unit_id: text, day: date, amount: decimal}
        units: {dataset: units, id: unit_id, parent: parent_id}
        metrics:
          revenue: sum(sales.amount during ytd)
          far: sum(sales.amount during year(3000000000))
        goals:
          - {id: revenue, name: Omsättning, area: a, type: Ä, metric: revenue, target: {rule: at_least, level: 1}}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-cancel-").FullName;
    private readonly Core.Warehouse.DuckDb.DuckDbWarehouse _warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);
    private readonly GoalFile _goals;

    public CancellationTests()
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, Goals);
        _goals = GoalFileReader.Read(path);
        File.WriteAllText(Path.Combine(_folder, "units.csv"), "unit_id,parent_id\nshop,\n");
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), "unit_id,day,amount\nshop,2026-02-01,12.5\n");
        _warehouse.Import(_goals, _folder, TimeProvider.System);
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Import_CancelledWhileDuckDbWorks_RollsBack_AndTheWarehouseIsUnchanged()
    {
        var big = new StringBuilder("unit_id,day,amount\n");
        for (var i = 0; i < 1_500_000; i++) big.Append("shop,2026-03-01,1.5\n");
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), big.ToString());
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        // Timed from the moment the big file's turn comes: the one-pass import loads it in a few hundred milliseconds,
        // so a timer started with the import could fire after its last statement.
        var progress = new CancelAfter(2, TimeSpan.FromMilliseconds(40), cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => _warehouse.Import(_goals, _folder, TimeProvider.System, progress, cancellation: cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(1, _warehouse.Lineage(["sales"]).Single().Rows);
        Assert.Equal(1L, Scalar("SELECT count(DISTINCT batch_id) FROM _imports"));
        // The connection is usable afterwards, and the same import without cancellation goes through.
        Assert.Equal(1_500_000, _warehouse.Import(_goals, _folder, TimeProvider.System).Single(f => f.Dataset == "sales").Rows);
    }

    [Fact]
    public void Import_CancelledBetweenDatasets_LeavesNothing()
    {
        File.WriteAllText(Path.Combine(_folder, "sales.csv"), "unit_id,day,amount\nshop,2026-02-01,1\nshop,2026-02-02,2\n");
        using var cancel = new CancellationTokenSource();
        // The units are loaded (inside the transaction) when the second dataset's turn comes.
        var progress = new CancelAt(2, cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => _warehouse.Import(_goals, _folder, TimeProvider.System, progress, cancellation: cancel.Token));

        Assert.Equal(1, _warehouse.Lineage(["sales"]).Single().Rows);
        Assert.Equal(1L, Scalar("SELECT count(DISTINCT batch_id) FROM _imports"));
    }

    private sealed class CancelAfter(int index, TimeSpan delay, CancellationTokenSource cancel) : IProgress<Core.Warehouse.ImportProgress>
    {
        public void Report(Core.Warehouse.ImportProgress value)
        {
            // A thread of its own, not a timer: on a busy machine the thread pool may run a timer's callback only after
            // the import has finished.
            if (value.Index == index)
                new Thread(() =>
                {
                    Thread.Sleep(delay);
                    cancel.Cancel();
                }) { IsBackground = true }.Start();
        }
    }

    private sealed class CancelAt(int index, CancellationTokenSource cancel) : IProgress<Core.Warehouse.ImportProgress>
    {
        public void Report(Core.Warehouse.ImportProgress value)
        {
            if (value.Index == index) cancel.Cancel();
        }
    }

    [Fact]
    public void Interrupt_StopsARunningStatement()
    {
        // Seconds of work when left alone; interrupted again and again until it stops, since on a busy machine the
        // task may start only after the first interrupt.
        var query = Task.Run(() => Scalar("SELECT count(*) FROM range(3000000000) a WHERE hash(a.range) = 0"));
        var clock = Stopwatch.StartNew();
        while (!query.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(100);
            _warehouse.Interrupt();
        }

        var error = Assert.ThrowsAny<Exception>(() => query.Wait(TimeSpan.FromSeconds(60)));
        // DuckDB.NET reports an interrupted statement as a cancellation.
        Assert.True((error.InnerException ?? error) is OperationCanceledException or DuckDBException, error.ToString());
        Assert.Equal(1L, Scalar("SELECT 1"));
        // A token that fires just as the work ends interrupts nothing that comes after.
        _warehouse.Interrupt();
        Assert.Equal(2L, Scalar("SELECT count(*) FROM range(2)"));
    }

    [Fact]
    public void Evaluate_WithACancelledToken_Stops()
    {
        var evaluator = new Evaluator(_goals, _warehouse);
        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate(Period.Parse("2026-Q1"), null, new CancellationToken(canceled: true)));
        Assert.Equal(evaluator.Evaluate(Period.Parse("2026-Q1")).Outcomes, evaluator.Evaluate(Period.Parse("2026-Q1"), null, CancellationToken.None).Outcomes);
        Assert.Equal(12.5m, evaluator.Evaluate(Period.Parse("2026-Q1")).Outcomes.Single().Value!.Value.Exact);
    }

    [Fact]
    public void Evaluate_DuckDbRefusesTheQuery_NamesTheMetricAndWhereItIsWritten()
    {
        var goals = _goals with { Goals = [_goals.Goals[0] with { Id = "far", Metric = "far" }] };

        var error = Assert.Throws<StyrkortException>(() => new Evaluator(goals, _warehouse).Evaluate(Period.Parse("2026-Q1")));

        Assert.Contains("metric 'far' cannot be computed for 2026-Q1", error.Reason, StringComparison.Ordinal);
        Assert.Equal((12, 8), (error.Location.Line, error.Location.Column));
        Assert.DoesNotContain("SELECT", error.Message, StringComparison.Ordinal);
    }

    private long Scalar(string sql)
    {
        using var command = _warehouse.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
