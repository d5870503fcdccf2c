using System.Diagnostics;
using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Tests.Goals;
using Styrkort.Core.Tests.Safety;
using Styrkort.Core.Warehouse;
using Styrkort.Testing;

namespace Styrkort.Core.Tests.Postgres;

/// <summary>
/// The PostgreSQL warehouse beyond InputTests: the first import, the CSV limits and the unit depth refused as on
/// DuckDB; a reader on a duplicate never waits for an import; a server that cannot be reached is a plain error.
/// </summary>
public sealed class PostgresWarehouseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-pgw-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IWarehouse NewWarehouse() => Core.Warehouse.Warehouse.Open(PostgresServer.Shared.NewDatabaseUrl());

    private GoalFile SmallGoals()
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, PathTests.SmallGoals);
        return GoalFileReader.Read(path);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    [Fact]
    public void EveryConnection_RunsWithoutJit_ForTheOneLargeEvaluationStatement()
    {
        using var warehouse = NewWarehouse();
        using var reader = warehouse.Duplicate();
        var setting = new Core.Sql.SqlQuery([], new Core.Sql.SqlSelect(
            [new Core.Sql.SqlSelectItem(new Core.Sql.SqlFunc("current_setting", [new Core.Sql.SqlLiteral("jit")]), "jit")], null, []));

        Assert.Equal("off", (string)warehouse.Rows(setting).Single()[0]!);
        Assert.Equal("off", (string)reader.Rows(setting).Single()[0]!);
    }

    [Fact]
    public void TheFirstImport_NamesEveryMissingFile_AndLoadsNothing()
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), """
            datasets:
              units:
                key: [unit_id]
                columns: {unit_id: text, parent_id: {type: text, nullable: true}}
              sales:
                unit: unit_id
                columns: {unit_id: text, amount: decimal}
              visits:
                unit: unit_id
                columns: {unit_id: text}
            units: {dataset: units, id: unit_id, parent: parent_id}
            """);
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        using var pg = NewWarehouse();

        var error = EngineParity.SameRefusal(pg, GoalFileReader.Read(Path.Combine(_folder, "goals.yaml")), _folder);

        Assert.Contains("missing sales.csv, visits.csv", error.Message, StringComparison.Ordinal);
        Assert.False(pg.HasUnits);
    }

    [Fact]
    public void AFailedFirstImport_LoadsNothing()
    {
        using var bad = InputTests.Valid().Nps("n1,c1,north,2026-02-01,11");
        bad.Write();
        using var pg = NewWarehouse();

        EngineParity.SameRefusal(pg, AlmiData.GoalFile, bad.Folder);

        var error = Assert.Throws<StyrkortException>(() => pg.RequireLoaded(AlmiData.GoalFile, "test"));
        Assert.Contains("loans", error.Reason, StringComparison.Ordinal);
        Assert.Empty(pg.Imports());
    }

    [Fact]
    public void FilesPastTheCsvLimits_AreRefusedAsOnDuckDb_AndThePreviousDataStays()
    {
        var goals = SmallGoals();
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        using var pg = NewWarehouse();
        pg.Import(goals, _folder, TimeProvider.System);

        var wide = new StringBuilder("unit_id,amount");
        for (var i = 3; i <= 1_000_000; i++) wide.Append(",c").Append(i);
        string[] bad =
        [
            wide + "\nshop,1\n",
            "unit_id,amount,\"" + new string('x', Limits.CsvHeaderChars) + "\"\nshop,1,\n",
            "unit_id,amount\nshop,1\nshop," + new string('9', Limits.CsvFieldChars + 1) + "\n",
            "unit_id,amount,note\nshop,1,x\nshop,2," + new string('x', Limits.CsvLineBytes + 10) + "\n",
            "unit_id,amount\nshop,1\nshop,\"2\n",
        ];
        foreach (var sales in bad)
        {
            Write("sales.csv", sales);
            EngineParity.SameRefusal(pg, goals, _folder);
            Assert.Equal(1, pg.Lineage(["sales"]).Single().Rows);
            Assert.Single(pg.Imports().Select(i => i.Batch).Distinct());
        }
    }

    [Fact]
    public void AUnitChainDeeperThanTheLimit_IsRefusedAsOnDuckDb()
    {
        var goals = SmallGoals();
        var units = new StringBuilder("unit_id,parent_id\nu0,\n");
        for (var i = 1; i <= 20_000; i++) units.Append('u').Append(i).Append(",u").Append(i - 1).Append('\n');
        Write("units.csv", units.ToString());
        Write("sales.csv", "unit_id,amount\nu0,1\n");
        using var pg = NewWarehouse();

        var error = (InputErrorsException)EngineParity.SameRefusal(pg, goals, _folder);

        Assert.Equal(Limits.UnitDepth + 3, error.Errors[0].Location.Line);
        Assert.False(pg.HasUnits);
    }

    [Fact]
    public void AReaderOnADuplicate_SeesTheLastCommit_AndDoesNotWaitForAnImportInProgress()
    {
        var goals = SmallGoals();
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        using var writer = NewWarehouse();
        using var reader = writer.Duplicate();
        Assert.False(reader.HasUnits);
        writer.Import(goals, _folder, TimeProvider.System);
        Assert.Equal(["shop"], reader.UnitIds().Order());

        Write("units.csv", "unit_id,parent_id\nshop,\nkiosk,shop\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\nkiosk,3\n");
        IReadOnlySet<string>? seen = null;
        long seenRows = 0;
        var waited = TimeSpan.Zero;
        writer.Import(goals, _folder, TimeProvider.System, beforeCommit: _ =>
        {
            // Another thread, as a web request would be; a reader blocked by the import's locks would never finish.
            var clock = Stopwatch.StartNew();
            var read = Task.Run(() => (reader.UnitIds(), reader.Lineage(["sales"]).Single().Rows));
            Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "the reader waited for the import");
            (seen, seenRows) = read.Result;
            waited = clock.Elapsed;
        });

        Assert.Equal(["shop"], seen!.Order());
        Assert.Equal(1, seenRows);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"the reader took {waited}");
        Assert.Equal(["kiosk", "shop"], reader.UnitIds().Order());
        Assert.Equal(2, reader.Lineage(["sales"]).Single().Rows);
        Assert.True(reader.IsWithin("kiosk", "shop"));
        Assert.Equal(["kiosk", "shop"], reader.Subtree("shop").Order());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(700)]
    [InlineData(2000)]
    public void AnImportCancelledWhileItWorks_IsCancelled_AndThePreviousDataStays(int afterMilliseconds)
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), """
            datasets:
              units:
                key: [unit_id]
                columns: {unit_id: text, parent_id: {type: text, nullable: true}}
              sales:
                unit: unit_id
                time: day
                columns: {unit_id: text, day: date, amount: decimal}
            units: {dataset: units, id: unit_id, parent: parent_id}
            """);
        var goals = GoalFileReader.Read(Path.Combine(_folder, "goals.yaml"));
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,day,amount\nshop,2026-02-01,12.5\n");
        using var pg = NewWarehouse();
        pg.Import(goals, _folder, TimeProvider.System);
        var big = new StringBuilder("unit_id,day,amount\n");
        for (var i = 0; i < 1_500_000; i++) big.Append("shop,2026-03-01,1.5\n");
        Write("sales.csv", big.ToString());
        using var cancel = new CancellationTokenSource();
        // Timed from the big file's turn: early, DuckDB is reading it; later, it is being copied into PostgreSQL.
        var progress = new CancelAfter(2, TimeSpan.FromMilliseconds(afterMilliseconds), cancel);
        var clock = Stopwatch.StartNew();

        var error = Record.Exception(() => pg.Import(goals, _folder, TimeProvider.System, progress, cancellation: cancel.Token));

        // On a busy machine the whole import may be through before the token fires; then it committed.
        if (error is null) return;
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(1, pg.Lineage(["sales"]).Single().Rows);
        Assert.Single(pg.Imports().Select(i => i.Batch).Distinct());
        // The connection is usable afterwards, and the same import without cancellation goes through.
        Assert.Equal(1_500_000, pg.Import(goals, _folder, TimeProvider.System).Single(f => f.Dataset == "sales").Rows);
    }

    private sealed class CancelAfter(int index, TimeSpan delay, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Index == index) cancel.CancelAfter(delay);
        }
    }

    [Fact]
    public void TheImportHistory_NamesTheUsersFilesAndWhoImported()
    {
        var goals = SmallGoals();
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.Zero));
        using var pg = NewWarehouse();
        using var duck = Core.Warehouse.Warehouse.Open(null);
        foreach (var w in new[] { pg, duck })
        {
            w.Import(goals, _folder, clock, sourceNames: new Dictionary<string, string> { ["sales"] = "Försäljning mars.csv" }, importedBy: "anna");
            w.Import(goals, _folder, clock);
        }

        Assert.Equal(duck.Imports(), pg.Imports());
        Assert.Equal(duck.LatestImports(), pg.LatestImports());
        Assert.Equal(duck.Lineage(["sales", "units"]), pg.Lineage(["sales", "units"]));
        Assert.Equal(duck.Units(), pg.Units());
        Assert.Contains(pg.Imports(), i => i is { File: "Försäljning mars.csv", ImportedBy: "anna", Batch: 1 });
    }

    [Fact]
    public void ANulCharacterInText_WhichPostgresCannotStore_IsRefusedWhereItIs()
    {
        var goals = SmallGoals();
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        using var pg = NewWarehouse();
        pg.Import(goals, _folder, TimeProvider.System);
        // DuckDB stores it; PostgreSQL's text cannot hold it, so the file is refused as a cell error would be.
        Write("units.csv", "amount,unit_id,parent_id\n1,shop,\n2,ki\0osk,shop\n");

        var error = Assert.Throws<InputErrorsException>(() => pg.Import(goals, _folder, TimeProvider.System));

        Assert.Equal(new SourceLocation(Path.Combine(_folder, "units.csv"), 3, 2, "unit_id"), Assert.Single(error.Errors).Location);
        Assert.Contains("NUL character", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["shop"], pg.UnitIds().Order());
    }

    [Fact]
    public void Interrupt_StopsTheStatementRunningOnTheConnection_AndTheConnectionGoesOn()
    {
        using var pg = NewWarehouse();
        var sleep = new Sql.SqlQuery([], new Sql.SqlSelect([new Sql.SqlSelectItem(new Sql.SqlFunc("pg_sleep", [new Sql.SqlLiteral(60)]), "slept")], null, []));
        var query = Task.Run(() => pg.Rows(sleep));
        var clock = Stopwatch.StartNew();
        // Interrupted again and again until it stops: on a busy machine the task may start only after the first one.
        while (!query.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(100);
            pg.Interrupt();
        }

        var error = Assert.ThrowsAny<Exception>(() => query.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal("57014", Assert.IsType<Npgsql.PostgresException>(error.InnerException).SqlState); // query_canceled
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var one = new Sql.SqlQuery([], new Sql.SqlSelect([new Sql.SqlSelectItem(new Sql.SqlLiteral(1), "one")], null, []));
        Assert.Equal(1, Convert.ToInt32(Assert.Single(pg.Rows(one))[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AUserWhoMayNotReadTheTables_IsToldSo_AndOnceGrantedReadsWithoutCreatingAnything()
    {
        var goals = SmallGoals();
        Write("units.csv", "unit_id,parent_id\nshop,\n");
        Write("sales.csv", "unit_id,amount\nshop,12.5\n");
        var url = PostgresServer.Shared.NewDatabaseUrl();
        var database = url[(url.LastIndexOf('/') + 1)..];
        using (var owner = Core.Warehouse.Warehouse.Open(url)) owner.Import(goals, _folder, TimeProvider.System);
        var role = "reader_" + database;
        PostgresServer.Shared.Query(database, $"CREATE ROLE {role} LOGIN; REVOKE CREATE ON SCHEMA public FROM PUBLIC");

        using (var reader = Core.Warehouse.Warehouse.Open(url.Replace("postgres@", role + "@", StringComparison.Ordinal)))
        {
            var error = Assert.Throws<StyrkortException>(() => reader.RequireLoaded(goals, "w"));
            Assert.Equal("w: the warehouse's user may not read _units, sales, units; grant it SELECT on the tables of the schema (GRANT SELECT ON ALL TABLES IN SCHEMA …)", error.Message);
        }
        PostgresServer.Shared.Query(database, $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}");
        using (var reader = Core.Warehouse.Warehouse.Open(url.Replace("postgres@", role + "@", StringComparison.Ordinal)))
        {
            reader.RequireLoaded(goals, "w");
            Assert.Equal(["shop"], reader.UnitIds());
            Assert.Equal(2, reader.Imports().Count);
        }
    }

    [Fact]
    public void AServerThatCannotBeReached_IsAnErrorNamingTheAddressWithoutThePassword()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = Assert.Throws<StyrkortException>(() => Core.Warehouse.Warehouse.Open($"postgresql://anna:hemligt@127.0.0.1:{port}/styrkort"));

        Assert.StartsWith($"postgresql://anna@127.0.0.1:{port}/styrkort: cannot connect to the PostgreSQL warehouse", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatabaseThatDoesNotExist_IsAnErrorNamingIt()
    {
        var url = PostgresServer.Shared.Url("no_such_database");
        var error = Assert.Throws<StyrkortException>(() => Core.Warehouse.Warehouse.Open(url));
        Assert.Contains("no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
