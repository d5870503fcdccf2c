using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// A dataset whose unit column holds values that are not units (an SIE file's organisation number beside one's own
/// unit tree) is refused with one error per dataset and column — the count of rows, the first line and what to do —
/// and the goal file's units: organisations: reads such a value as one of the units.
/// </summary>
public abstract class UnknownUnitTests(Engine engine)
{
    private InputErrorsException Refused(AlmiData data, GoalFile? goals = null)
    {
        data.Write();
        using var warehouse = engine.Open();
        return Assert.Throws<InputErrorsException>(() => warehouse.Import(goals ?? AlmiData.GoalFile, data.Folder, TimeProvider.System));
    }

    [Fact]
    public void ManyRowsOfOneUnknownUnit_AreOneErrorWithTheCountTheFirstLineAndAHint()
    {
        using var data = new AlmiData().Loans(
            "L1,c1,north,2026-01-15,1000,start", "L2,c1,556000-0001,2026-01-16,10,start",
            "L3,c2,556000-0001,2026-01-17,10,start", "L4,c3,556000-0001,2026-01-18,10,start");
        var error = Assert.Single(Refused(data).Errors);
        // unit_id is the third column of loans.csv; the first of the three rows is line 3 (the header is line 1).
        Assert.Equal(("loans.csv", 3, 3, "unit_id"), (Path.GetFileName(error.Location.File), error.Location.Line, error.Location.Column, error.Location.Field));
        Assert.Equal(
            "unknown unit_id '556000-0001' in 3 rows (the first here); not found in units.csv. Add it there, or read it as one of your units: " +
            "map it in the goal file (units: organisations: {\"556000-0001\": UNIT}), or write the SIE file with 'styrkort sie FILE --unit UNIT'",
            error.Message);
    }

    [Fact]
    public void SeveralUnknownUnits_InTwoDatasets_AreOneErrorPerDataset()
    {
        using var data = new AlmiData()
            .Loans("L1,c1,west,2026-01-15,1000,start", "L2,c1,east,2026-01-16,10,start", "L3,c1,west,2026-01-17,10,start")
            .Nps("n1,c1,west,2026-02-01,10");
        var errors = Refused(data).Errors;
        Assert.Equal(["loans.csv", "nps_responses.csv"], errors.Select(e => Path.GetFileName(e.Location.File)).Order(StringComparer.Ordinal));
        var loans = errors.Single(e => e.Location.File.EndsWith("loans.csv", StringComparison.Ordinal));
        Assert.Equal(2, loans.Location.Line);
        Assert.StartsWith("unknown unit_id in 3 rows (the first here): 'west', 'east'; not found in units.csv", loans.Message, StringComparison.Ordinal);
        Assert.Contains("{\"west\": UNIT, \"east\": UNIT}", loans.Message, StringComparison.Ordinal);
        var nps = errors.Single(e => e.Location.File.EndsWith("nps_responses.csv", StringComparison.Ordinal));
        Assert.StartsWith("unknown unit_id 'west' in 1 row; not found in units.csv", nps.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownReference_IsStillOneErrorPerRow()
    {
        // Not a unit column: a column's own 'references' keeps its error per row.
        using var data = new AlmiData().Nps("n1,c98,north,2026-02-01,10", "n2,c99,north,2026-02-01,9");
        Assert.Equal([(2, "unknown org_nr 'c98'; not found in companies.csv"), (3, "unknown org_nr 'c99'; not found in companies.csv")],
            Refused(data).Errors.Select(e => (e.Location.Line, e.Message)));
    }

    [Fact]
    public void AnOrganisationNumberMappedToAUnit_CountsForThatUnit()
    {
        var goals = AlmiData.GoalFile with
        {
            Units = AlmiData.GoalFile.Units with { Organisations = new Dictionary<string, string> { ["556000-0001"] = "north" } },
        };
        using var data = new AlmiData().Loans("L1,c1,north,2026-01-15,1000,start", "L2,c1,556000-0001,2026-02-16,250,start", "L3,c4,south,2026-02-15,500,start");
        data.Write();
        using var warehouse = engine.Open();
        warehouse.Import(goals, data.Folder, TimeProvider.System);
        var outcomes = new Evaluator(goals, warehouse).Evaluate(Period.Parse("2026-Q2")).Outcomes;
        // north: 1000 + 250 (the mapped row); the root: 1000 + 250 + 500.
        Assert.Equal(1250m, outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == "north").Value!.Value.Exact);
        Assert.Equal(1750m, outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == "root").Value!.Value.Exact);
    }

    [Fact]
    public void AnOrganisationNumberMappedToNoUnit_IsRefusedNamingTheUnit()
    {
        var goals = AlmiData.GoalFile with
        {
            Units = AlmiData.GoalFile.Units with { Organisations = new Dictionary<string, string> { ["556000-0001"] = "nowhere" } },
        };
        using var data = new AlmiData().Loans("L1,c1,north,2026-01-15,1000,start", "L2,c1,556000-0001,2026-01-15,1000,start");
        var error = Assert.Single(Refused(data, goals).Errors);
        // The mapped row keeps its line (3) in the file.
        Assert.Equal(3, error.Location.Line);
        Assert.StartsWith("unknown unit_id 'nowhere' in 1 row;", error.Message, StringComparison.Ordinal);
    }
}

public sealed class UnknownUnitTestsOnDuckDb() : UnknownUnitTests(DuckDbEngine.Instance);

public sealed class UnknownUnitTestsOnPostgres(PostgresEngine engine) : UnknownUnitTests(engine), IClassFixture<PostgresEngine>;
