using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Goals;
using Styrkort.Core.Warehouse;
using Styrkort.Testing;

namespace Styrkort.Core.Tests.Postgres;

/// <summary>A PostgreSQL warehouse holding InputTests' valid data set, imported once for the class.</summary>
public sealed class LoadedPostgres : IDisposable
{
    public IWarehouse Warehouse { get; }

    public LoadedPostgres()
    {
        Warehouse = Core.Warehouse.Warehouse.Open(PostgresServer.Shared.NewDatabaseUrl());
        using var valid = InputTests.Valid();
        valid.ImportInto(Warehouse);
    }

    public void Dispose() => Warehouse.Dispose();
}

/// <summary>
/// Every bad input of InputTests is refused by the PostgreSQL warehouse with the DuckDB warehouse's exception and
/// message (file, line, column, field), and PostgreSQL keeps the data it had: all or nothing.
/// </summary>
public sealed class PostgresImportParityTests(LoadedPostgres loaded) : IClassFixture<LoadedPostgres>
{
    private readonly IWarehouse _pg = loaded.Warehouse;

    [Theory]
    [MemberData(nameof(InputTests.BadInputs), MemberType = typeof(InputTests))]
    public void BadInput_IsRefusedAsOnDuckDb_AndThePreviousDataStays(string file, string[] rows, int line, int column, string word)
    {
        using var data = InputTests.Valid().Rows(file, rows);
        data.Write();

        var error = EngineParity.SameRefusal(_pg, AlmiData.GoalFile, data.Folder);

        Assert.Contains(word, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($":{line}:{column}", error.Message, StringComparison.Ordinal);
        Unchanged();
    }

    [Fact]
    public void MissingColumn_IsRefusedAsOnDuckDb()
    {
        using var data = InputTests.Valid().Raw("efforts.csv", "effort_id,org_nr,unit_id,started_on,phase\nE1,c2,north,2026-01-10,start\n");
        data.Write();
        EngineParity.SameRefusal(_pg, AlmiData.GoalFile, data.Folder);
        Unchanged();
    }

    [Fact]
    public void AnUnknownReferenceInAFileOfItsOwnOrder_IsRefusedAsOnDuckDb()
    {
        using var data = InputTests.Valid().Raw("nps_responses.csv", "score,answered_on,unit_id,org_nr,response_id\n10,2026-02-01,north,c99,n1\n");
        data.Write();
        EngineParity.SameRefusal(_pg, AlmiData.GoalFile, data.Folder);
        Unchanged();
    }

    [Fact]
    public void AUnitTreeWithACycle_IsRefusedAsOnDuckDb()
    {
        using var data = InputTests.Valid().Units("root,Företagspartner,,", "north,Nord,south,01;03", "south,Syd,north,12");
        data.Write();
        EngineParity.SameRefusal(_pg, AlmiData.GoalFile, data.Folder);
        Unchanged();
    }

    [Fact]
    public void AUnitTreeWithoutARoot_IsRefusedAsOnDuckDb()
    {
        using var data = InputTests.Valid().Units("root,Företagspartner,south,", "north,Nord,root,01;03", "south,Syd,root,12");
        data.Write();
        EngineParity.SameRefusal(_pg, AlmiData.GoalFile, data.Folder);
        Unchanged();
    }

    [Fact]
    public void RemovingAUnitOthersStillReferTo_IsRefusedAsOnDuckDb()
    {
        // Only units.csv is imported: the current loans, efforts… of PostgreSQL are checked against the staged units.
        using var data = InputTests.Valid().Units("root,Företagspartner,,", "north,Nord,root,01;03");
        data.Write();
        foreach (var other in AlmiData.Headers.Keys.Where(f => f != "units.csv")) File.Delete(Path.Combine(data.Folder, other));
        using (var duck = Core.Warehouse.Warehouse.Open(null))
        {
            using var valid = InputTests.Valid();
            valid.ImportInto(duck);
            var expected = EngineParity.Failure(duck, AlmiData.GoalFile, data.Folder)!;
            var actual = EngineParity.Failure(_pg, AlmiData.GoalFile, data.Folder)!;
            Assert.Equal(expected.GetType(), actual.GetType());
            // The folders differ only in the messages' file names of the datasets not imported.
            Assert.Equal(expected.Message.Replace(valid.Folder, data.Folder, StringComparison.Ordinal), actual.Message);
            Assert.Contains("unknown unit_id 'south'", actual.Message, StringComparison.Ordinal);
        }
        Unchanged();
    }

    [Fact]
    public void AGoodImport_ReplacesTheData_AndTheNextBadOneKeepsIt()
    {
        var batches = _pg.Imports().Select(i => i.Batch).Distinct().Count();
        using var good = InputTests.Valid().Raw("nps_responses.csv", "score,answered_on,unit_id,org_nr,response_id\n10,2026-02-01,north,c1,n1\n");
        good.ImportInto(_pg);
        Assert.Equal(100, new Evaluator(AlmiData.GoalFile, _pg).Evaluate(Period.Parse("2026-Q2")).Outcomes.Single(o => o.Goal == "nps" && o.Unit == "north").Value!.Value.AsDouble);
        Assert.Equal(batches + 1, _pg.Imports().Select(i => i.Batch).Distinct().Count());
        // And back, so that the other tests find the class's data as it was.
        using var valid = InputTests.Valid();
        valid.ImportInto(_pg);
        Assert.Equal(batches + 2, _pg.Imports().Select(i => i.Batch).Distinct().Count());
    }

    /// <summary>The class's data as imported: north's loans add up to 1000 (the check of InputTests.FailedImport_LeavesTheWarehouseAsItWas).</summary>
    private void Unchanged()
    {
        var outcomes = new Evaluator(AlmiData.GoalFile, _pg).Evaluate(Period.Parse("2026-Q2")).Outcomes;
        Assert.Equal(1000m, outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == "north").Value!.Value.Exact);
        Assert.Equal(2, _pg.Lineage(["loans"]).Single().Rows);
        Assert.Equal(["north", "root", "south"], _pg.UnitIds().Order());
    }
}
