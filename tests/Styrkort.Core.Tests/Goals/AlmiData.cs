using System.Text;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;
using Styrkort.Core.Warehouse;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// A small hand-written Företagspartner data set: the eleven CSV files of samples/almi/goals.yaml, written into a fresh
/// temp folder (deleted on Dispose). Each file gets its header; a test gives only the rows it cares about. By default
/// the unit tree is root → north (regions 01;03) and south (region 12), with six companies and no other rows.
/// <see cref="Evaluate"/> imports them into a warehouse of the given engine (DuckDB in memory by default).
/// </summary>
internal sealed class AlmiData : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["units.csv"] = "unit_id,name,parent_id,regions",
        ["companies.csv"] = "org_nr,name,region,leader_gender,foreign_background",
        ["financials.csv"] = "org_nr,fiscal_year,net_revenue,ebitda,employees,total_assets",
        ["loans.csv"] = "loan_id,org_nr,unit_id,disbursed_on,amount,phase",
        ["efforts.csv"] = "effort_id,org_nr,unit_id,started_on,completed_on,phase",
        ["loan_ledger.csv"] = "unit_id,month,interest_income,fee_income,credit_losses,outstanding_balance",
        ["operating_costs.csv"] = "unit_id,month,amount",
        ["nps_responses.csv"] = "response_id,org_nr,unit_id,answered_on,score",
        ["engagement_responses.csv"] = "respondent_id,unit_id,survey_year,item,score",
        ["kyc_snapshots.csv"] = "snapshot_on,org_nr,unit_id,relation_active,kyc_complete",
        ["targets.csv"] = "goal_id,unit_id,year,level,decided_by,decided_on",
    };

    private static readonly Lazy<GoalFile> LazyGoalFile = new(() => GoalFileReader.Read(GoalFilePath()));

    public static GoalFile GoalFile => LazyGoalFile.Value;

    private readonly Dictionary<string, string[]> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);

    private readonly Engine _engine;

    public AlmiData(Engine? engine = null)
    {
        _engine = engine ?? DuckDbEngine.Instance;
        Folder = Path.Combine(Path.GetTempPath(), "styrkort-goals-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var file in Headers.Keys) _rows[file] = [];
        Units(
            "root,Företagspartner,,",
            "north,Nord,root,01;03",
            "south,Syd,root,12");
        Companies(
            "c1,Alfa AB,01,F,true",
            "c2,Beta AB,01,M,false",
            "c3,Gamma AB,03,F,",
            "c4,Delta AB,12,,false",
            "c5,Epsilon AB,12,M,true",
            "c6,Zeta AB,03,F,false");
    }

    public string Folder { get; }

    /// <summary>Write the files with a UTF-8 byte-order mark and CRLF line ends, as Excel does.</summary>
    public bool ExcelStyle { get; set; }

    public AlmiData Rows(string file, params string[] rows) { _rows[file] = rows; return this; }
    public AlmiData Units(params string[] rows) => Rows("units.csv", rows);
    public AlmiData Companies(params string[] rows) => Rows("companies.csv", rows);
    public AlmiData Financials(params string[] rows) => Rows("financials.csv", rows);
    public AlmiData Loans(params string[] rows) => Rows("loans.csv", rows);
    public AlmiData Efforts(params string[] rows) => Rows("efforts.csv", rows);
    public AlmiData Ledger(params string[] rows) => Rows("loan_ledger.csv", rows);
    public AlmiData Costs(params string[] rows) => Rows("operating_costs.csv", rows);
    public AlmiData Nps(params string[] rows) => Rows("nps_responses.csv", rows);
    public AlmiData Engagement(params string[] rows) => Rows("engagement_responses.csv", rows);
    public AlmiData Kyc(params string[] rows) => Rows("kyc_snapshots.csv", rows);

    /// <summary>Board levels as (goal, unit, year, level); decided_by and decided_on are filled in.</summary>
    public AlmiData Targets(params (string Goal, string Unit, int Year, string Level)[] levels) =>
        Rows("targets.csv", levels.Select(t => $"{t.Goal},{t.Unit},{t.Year},{t.Level},Styrelsen,{t.Year}-01-20").ToArray());

    /// <summary>The whole text of a file, header included, instead of the header plus rows.</summary>
    public AlmiData Raw(string file, string content) { _raw[file] = content; return this; }

    public void Write()
    {
        var newline = ExcelStyle ? "\r\n" : "\n";
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: ExcelStyle);
        foreach (var (file, header) in Headers)
        {
            var text = _raw.TryGetValue(file, out var raw)
                ? raw
                : string.Concat(new[] { header }.Concat(_rows[file]).Select(line => line + newline));
            File.WriteAllText(Path.Combine(Folder, file), text, encoding);
        }
    }

    /// <summary>Writes the files and imports them into the given warehouse.</summary>
    public void ImportInto(IWarehouse warehouse)
    {
        Write();
        warehouse.Import(GoalFile, Folder, TimeProvider.System);
    }

    public Result Evaluate(string period)
    {
        using var warehouse = _engine.Open();
        ImportInto(warehouse);
        return new Result(new Evaluator(GoalFile, warehouse).Evaluate(Period.Parse(period)));
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private static string GoalFilePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln")))
                return Path.Combine(dir.FullName, "samples", "almi", "goals.yaml");
        throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>An evaluation, looked up by goal and unit.</summary>
internal sealed class Result(Evaluation.Evaluation evaluation)
{
    public Evaluation.Evaluation Evaluation { get; } = evaluation;

    public Outcome this[string goal, string unit] =>
        Evaluation.Outcomes.Single(o => o.Goal == goal && o.Unit == unit);

    /// <summary>The value as a double, null when there is none.</summary>
    public double? Value(string goal, string unit) => this[goal, unit].Value?.AsDouble;
}

internal static class GoalAssert
{
    /// <summary>A computed ratio, median or mean: equal to the hand-computed value up to double rounding.</summary>
    public static void Value(double expected, Outcome outcome)
    {
        Assert.True(outcome.Value is not null, $"{outcome.Goal}/{outcome.Unit}: expected the value {expected}, found none");
        Assert.Equal(expected, outcome.Value!.Value.AsDouble, 9);
    }

    public static void Is(double expected, Status status, Outcome outcome)
    {
        Value(expected, outcome);
        Assert.Equal(status, outcome.Status);
    }

    public static void NoValue(Outcome outcome)
    {
        Assert.Null(outcome.Value);
        Assert.Equal(Status.NoData, outcome.Status);
    }
}
