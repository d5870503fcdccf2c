using Styrkort.Tests.Cli;
using Styrkort.Testing;

namespace Styrkort.Tests.Parity;

/// <summary>
/// End to end, the two engines answer alike (issue 9): each sample is imported with <c>styrkort import</c> into a
/// DuckDB file and into a PostgreSQL database, and <c>styrkort evaluate --format json</c> over several periods (with
/// <c>--by</c> where the goal file allows a breakdown) prints the same JSON from both, numbers within 1e-9 relative.
/// The same for <c>styrkort ratios --format json</c> over real SIE files, in memory against <c>--warehouse</c> PostgreSQL.
/// </summary>
public sealed class EngineParityTests(SampleData sample) : IClassFixture<SampleData>
{
    private static string Smb => Path.Combine(StyrkortProcess.RepoRoot, "samples", "smb");

    private static string Sie(string name) => Path.Combine(StyrkortProcess.RepoRoot, "..", "shared", "data", "sie", name);

    private static readonly string[] SieFiles =
        ["visma-adm2000-2022_SIE4_Exempelfil.SE", "norstedts-bokslut-2011_SIE4E.se", "fortnox-bokforing-2.0_Sie4.se", "bl-admin-2011_BL0001_typ4.SE"];

    [Fact]
    public void AlmiSample_EvaluatesAlikeOnBothEngines() =>
        SameEvaluations("almi", StyrkortProcess.GoalFile, sample.Folder,
        [
            ["--period", "2026-Q2", "--by", "companies.region"],
            ["--period", "2026-03"],
            ["--period", "2025", "--by", "loans.phase", "--by", "companies.leader_gender"],
            ["--period", "2025-Q4", "--unit", "stockholm_sormland"],
        ]);

    [Fact]
    public void SmbSample_EvaluatesAlikeOnBothEngines()
    {
        // The example company and four real files of other companies: each company is a unit.
        var data = Directory.CreateTempSubdirectory("styrkort-parity-smb-").FullName;
        try
        {
            Succeeds(StyrkortProcess.Run(["sie", Path.Combine(Smb, "exempelbolaget.se"), .. SieFiles.Select(Sie), "--out", data]), "sie");
            SameEvaluations("smb", Path.Combine(Smb, "exempelbolaget.yaml"), data,
                [["--period", "2023"], ["--period", "2022"], ["--period", "2010"], ["--period", "2021-12"]]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void SmbGeneratedSample_EvaluatesAlikeOnBothEngines()
    {
        // The generated small company, its SIE datasets included.
        var data = Directory.CreateTempSubdirectory("styrkort-parity-smb-sample-").FullName;
        try
        {
            Succeeds(StyrkortProcess.Run("sample", "smb", "--out", data, "--seed", "4"), "sample smb");
            SameEvaluations("smb-sample", Path.Combine(Smb, "goals.yaml"), data,
                [["--period", "2026-03"], ["--period", "2025", "--by", "customers.segment"], ["--period", "2026-Q1", "--unit", "sales"]]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void DocumentationExample_EvaluatesAlikeOnBothEngines()
    {
        var data = Directory.CreateTempSubdirectory("styrkort-parity-bookshop-").FullName;
        try
        {
            var goals = Path.Combine(data, "shops.yaml");
            File.WriteAllText(goals, Bookshop.GoalFile());
            Bookshop.WriteData(data);
            SameEvaluations("bookshop", goals, data,
                [["--period", "2026-03", "--by", "sales.channel"], ["--period", "2026-Q1"], ["--period", "2026"], ["--period", "2026-04", "--unit", "city"]]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Ratios_AreAlikeInMemoryAndOnPostgres()
    {
        var url = NewDatabase();
        string[][] runs =
        [
            .. SieFiles.Select(f => new[] { Sie(f) }),
            [Path.Combine(Smb, "exempelbolaget.se"), "--industry", Path.Combine(Smb, "industry.csv")],
        ];
        foreach (var run in runs)
        {
            var inMemory = Succeeds(StyrkortProcess.Run(["ratios", .. run, "--format", "json"]), "ratios");
            var onPostgres = Succeeds(StyrkortProcess.Run(["ratios", .. run, "--format", "json", "--warehouse", url]), "ratios --warehouse");
            JsonParity.AssertSame(inMemory, onPostgres, "ratios " + string.Join(' ', run.Select(Path.GetFileName)));
        }
    }

    private void SameEvaluations(string name, string goals, string data, IReadOnlyList<string[]> evaluations)
    {
        var folder = Directory.CreateTempSubdirectory($"styrkort-parity-{name}-").FullName;
        try
        {
            var duck = Path.Combine(folder, "w.duckdb");
            var postgres = NewDatabase();
            foreach (var warehouse in new[] { duck, postgres })
                Succeeds(StyrkortProcess.Run("import", "--goals", goals, "--data", data, "--warehouse", warehouse), "import into " + warehouse);
            foreach (var args in evaluations)
            {
                string Evaluate(string warehouse) =>
                    Succeeds(StyrkortProcess.Run(["evaluate", "--goals", goals, "--warehouse", warehouse, "--format", "json", .. args]), "evaluate");
                var expected = Evaluate(duck);
                Assert.Contains("\"value\":", expected, StringComparison.Ordinal);
                JsonParity.AssertSame(expected, Evaluate(postgres), $"{name} {string.Join(' ', args)}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh database of the test process's shared server, per sample.</summary>
    private static string NewDatabase() => PostgresServer.Shared.NewDatabaseUrl();

    private static string Succeeds(StyrkortProcess.Result result, string what)
    {
        Assert.True(result.ExitCode == 0, $"{what} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }
}
