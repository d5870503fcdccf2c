using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// The SQL of every metric of samples/almi/goals.yaml for 2026-Q2 equals its committed snapshot in Snapshots/
/// (PostgreSQL for two metrics that use the dialect's own spellings). With STYRKORT_UPDATE_SNAPSHOTS=1 the test
/// rewrites the snapshots instead; review the diff before committing it.
/// </summary>
public sealed class SqlSnapshotTest
{
    private static readonly Period Period = Period.Parse("2026-Q2");

    /// <summary>The repository root: the nearest folder above the test binaries that holds Styrkort.sln.</summary>
    internal static readonly string Root = FindRoot();

    private static readonly Lazy<GoalFile> Almi = new(() => GoalFileReader.Read(Path.Combine(Root, "samples", "almi", "goals.yaml")));

    private static string SnapshotFolder => Path.Combine(Root, "tests", "Styrkort.Core.Tests", "Compilation", "Snapshots");

    private static bool Updating => Environment.GetEnvironmentVariable("STYRKORT_UPDATE_SNAPSHOTS") == "1";

    public static TheoryData<string> Metrics => new(Almi.Value.Metrics.Keys);

    private static readonly string[] PostgresCovered = ["net_revenue_growth", "early_stage_share"];

    public static TheoryData<string> PostgresMetrics => new(PostgresCovered);

    [Theory]
    [MemberData(nameof(Metrics))]
    public void DuckDb_MatchesSnapshot(string metric) => AssertSnapshot(metric, DuckDbDialect.Instance);

    [Theory]
    [MemberData(nameof(PostgresMetrics))]
    public void Postgres_MatchesSnapshot(string metric) => AssertSnapshot(metric, PostgresDialect.Instance);

    [Fact]
    public void Snapshots_HaveNoStrays()
    {
        var expected = Almi.Value.Metrics.Keys.Select(m => $"{m}.duckdb.sql")
            .Concat(PostgresCovered.Select(m => $"{m}.postgresql.sql")).Order(StringComparer.Ordinal);
        var found = Directory.EnumerateFiles(SnapshotFolder, "*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Dialects_DifferOnlyInTheirOwnSpellings()
    {
        // The same tree rendered twice: apart from median, first_by and the double type, the texts are equal.
        var compiled = MetricCompiler.Compile(Almi.Value, "nps", Period);
        Assert.Equal(compiled.Sql(DuckDbDialect.Instance).Replace("DOUBLE", "DOUBLE PRECISION", StringComparison.Ordinal),
            compiled.Sql(PostgresDialect.Instance));
    }

    private static void AssertSnapshot(string metric, SqlDialect dialect)
    {
        var sql = MetricCompiler.Compile(Almi.Value, metric, Period).Sql(dialect).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(SnapshotFolder, $"{metric}.{dialect.Name}.sql");
        if (Updating)
        {
            Directory.CreateDirectory(SnapshotFolder);
            File.WriteAllText(path, sql);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}; run the tests with STYRKORT_UPDATE_SNAPSHOTS=1 to write it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), sql);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Styrkort.sln not found above {AppContext.BaseDirectory}");
    }
}
