using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Datasets;

/// <summary>
/// An SIE import beside one's own unit tree: the goal file says which unit the file's company is
/// (units: organisations:), or the datasets are written with it (sie --unit); without either, each dataset is refused
/// once, with a count and the hint.
/// </summary>
public abstract class OwnUnitsTest : IDisposable
{
    private readonly Engine _engine;
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-own-units-").FullName;

    protected OwnUnitsTest(Engine engine)
    {
        _engine = engine;
        File.WriteAllText(Path.Combine(_folder, "org_units.csv"), "unit_id,parent_id,name\ngroup,,Koncernen\ncompany,group,Järnhandeln\nsales,company,Försäljning\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private GoalFile Goals(string organisations)
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, $$"""
            include: [bas-nyckeltal.yaml]
            datasets:
              org_units:
                file: org_units.csv
                key: [unit_id]
                columns: {unit_id: text, parent_id: {type: text, nullable: true}, name: text}
            units:
              dataset: org_units
              id: unit_id
              parent: parent_id
              name: name
            {{organisations}}
            """);
        return GoalFileReader.Read(path);
    }

    private IReadOnlyDictionary<string, Quantity> Soliditet(GoalFile goals)
    {
        using var warehouse = _engine.Open();
        warehouse.Import(goals, _folder, TimeProvider.System);
        return new Evaluator(goals, warehouse).Metrics(["soliditet"], [Period.Parse("2023-12")], CancellationToken.None)[0]["soliditet"];
    }

    [Fact]
    public void TheGoalFileMapsTheOrganisationNumberToAUnit()
    {
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Example).Document]), _folder);
        var values = Soliditet(Goals("""  organisations: {"555555-5555": company}"""));
        // The example's soliditet (docs/sie.md), for the company and the group above it; the team below has no accounts.
        Assert.Equal(72.764, values["company"].AsDouble, 9);
        Assert.Equal(72.764, values["group"].AsDouble, 9);
    }

    [Fact]
    public void TheDatasetsWrittenWithTheUnit_NeedNoMapping()
    {
        // What `styrkort sie FILE --unit company` writes.
        SieDatasets.Write([CompanyBooks.From([SieReader.Read(Example).Document])[0] with { Id = "company" }], _folder);
        Assert.Equal(72.764, Soliditet(Goals(""))["company"].AsDouble, 9);
    }

    [Fact]
    public void WithoutEither_EachDatasetIsRefusedOnceWithTheHint()
    {
        SieDatasets.Write(CompanyBooks.From([SieReader.Read(Example).Document]), _folder);
        var error = Assert.Throws<InputErrorsException>(() => Soliditet(Goals("")));
        // One error per SIE dataset with a unit column and rows (all but sie_companies, and sie_object_balances: the
        // example has no #OIB/#OUB), not one per row.
        Assert.Equal(9, error.Errors.Count);
        var balances = error.Errors.Single(e => e.Location.File.EndsWith("sie_balances.csv", StringComparison.Ordinal));
        Assert.Equal((2, 1), (balances.Location.Line, balances.Location.Column));
        Assert.StartsWith($"unknown company '555555-5555' in {File.ReadAllLines(Path.Combine(_folder, "sie_balances.csv")).Length - 1} rows (the first here); not found in org_units.csv", balances.Message, StringComparison.Ordinal);
        Assert.Contains("units: organisations: {\"555555-5555\": UNIT}", balances.Message, StringComparison.Ordinal);
        Assert.Contains("--unit UNIT", balances.Message, StringComparison.Ordinal);
    }
}

public sealed class OwnUnitsTestOnDuckDb() : OwnUnitsTest(DuckDbEngine.Instance);

public sealed class OwnUnitsTestOnPostgres(PostgresEngine engine) : OwnUnitsTest(engine), IClassFixture<PostgresEngine>;
