using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Samples.Almi;

namespace Styrkort.Reports.Tests.Support;

/// <summary>
/// The Företagspartner goal file over a small generated sample (3 000 companies, 2020-01 to 2026-09) in an in-memory
/// warehouse, shared by the tests of the "report" collection, which run one at a time: a DuckDB connection is not
/// for concurrent use.
/// </summary>
public sealed class AlmiReportData : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-report-").FullName;

    public AlmiReportData()
    {
        AlmiSampleGenerator.Write(_folder, new AlmiSampleOptions(Companies: 3000, Seed: 11));
        File = GoalFileReader.Read(Path.Combine(RepoRoot, "samples", "almi", "goals.yaml"));
        MetricCompiler.CheckAll(File);
        Warehouse = Core.Warehouse.Warehouse.Open(null);
        Warehouse.Import(File, _folder, Clock);
    }

    public static FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero));

    public GoalFile File { get; }
    public IWarehouse Warehouse { get; }
    public string Root => "foretagspartner";

    public BoardReportModel Report(string quarter, string lang = "sv", string? unit = null, IReadOnlyList<GoalCheckIn>? checkIns = null) =>
        BoardReport.Build(File, Warehouse, Period.Parse(quarter), new BoardReportOptions { Language = Core.Presentation.Language.Parse(lang), Unit = unit, CheckIns = checkIns ?? [], Clock = Clock });

    private readonly Dictionary<string, Dictionary<(string Goal, string Unit), Outcome>> _evaluations = [];

    /// <summary>What the evaluator says, for comparing the report with: outcome by (goal, unit). Kept, as tests ask often.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit), Outcome> Evaluate(string period)
    {
        lock (_evaluations)
        {
            if (!_evaluations.TryGetValue(period, out var outcomes))
                _evaluations[period] = outcomes = new Evaluator(File, Warehouse).Evaluate(Period.Parse(period)).Outcomes.ToDictionary(o => (o.Goal, o.Unit));
            return outcomes;
        }
    }

    /// <summary>The goals the goal file puts on the board's agenda in a quarter.</summary>
    public IReadOnlyList<Goal> Scheduled(string quarter) => File.Goals.Where(g => TargetJudge.Scheduled(g, Period.Parse(quarter))).ToList();

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition("report")]
public sealed class ReportCollection : ICollectionFixture<AlmiReportData>;

/// <summary>"Today" for the tests: the date of production printed on the cover.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
