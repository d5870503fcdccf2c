using System.Globalization;
using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using Styrkort.Core.Warehouse;
using Store = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// samples/almi/goals.yaml over a few hand-made rows, most of them on a window boundary of 2026-Q2 (the first and last day
/// of the year to date, the first of the 36 months, the day after), in an in-memory DuckDB warehouse.
/// Units: ba → north, south → south_city, east.
/// </summary>
public sealed class AlmiWarehouse : IDisposable
{
    internal static readonly Dictionary<string, string> Files = new()
    {
        ["units.csv"] = """
            unit_id,name,parent_id,regions
            ba,Business area,,
            north,North,ba,01;02
            south,South,ba,03
            south_city,South city,south,04
            east,East,ba,05
            """,
        ["companies.csv"] = """
            org_nr,name,region,leader_gender,foreign_background
            c1,A,01,F,true
            c2,B,03,M,false
            c3,C,04,,true
            c4,D,04,F,
            c5,E,02,M,true
            c6,F,04,F,false
            c7,G,05,F,false
            c8,H,03,M,true
            """,
        ["financials.csv"] = """
            org_nr,fiscal_year,net_revenue,ebitda,employees,total_assets
            c1,2022,50,5,5,50
            c1,2024,100,10,5,50
            c1,2025,150,12,6,60
            c2,2024,200,20,300,50
            c2,2025,180,25,300,50
            c3,2022,0,1,5,5
            c3,2024,0,5,5,5
            c3,2025,50,6,5,5
            c4,2022,300,3,10,10
            c4,2024,400,-4,10,10
            c4,2025,500,8,10,10
            c4,2026,900,9,10,10
            c5,2024,300,30,,30
            c5,2025,330,33,,30
            c6,2024,1000,,5,5
            c6,2025,,5,5,5
            c7,2022,10,1,1,1
            c7,2024,10,1,1,1
            c7,2025,12,2,1,1
            c8,2022,100,10,10,10
            c8,2025,200,20,10,10
            """,
        ["loans.csv"] = """
            loan_id,org_nr,unit_id,disbursed_on,amount,phase
            L1,c1,north,2025-12-31,1000,start
            L2,c1,north,2026-01-01,200,expansion
            L3,c2,south,2026-06-30,300.5,established
            L4,c3,south_city,2026-07-01,400,start
            L5,c4,south_city,2026-03-15,50,start
            L6,c1,north,2024-05-05,10,start
            L7,c2,south,2024-12-31,20,expansion
            L8,c6,south_city,2023-12-31,30,start
            """,
        ["efforts.csv"] = """
            effort_id,org_nr,unit_id,started_on,completed_on,phase
            E1,c2,south,2025-11-01,2026-01-01,start
            E2,c5,north,2026-02-01,2026-06-30,expansion
            E3,c6,south_city,2026-04-01,,established
            E4,c1,north,2026-01-01,2026-07-01,start
            E5,c3,south_city,2024-01-01,2024-06-01,established
            E6,c4,south_city,2026-03-15,2026-03-20,established
            E7,c3,south_city,2026-05-05,,start
            E8,c7,east,2025-12-31,2025-12-31,start
            """,
        ["loan_ledger.csv"] = """
            unit_id,month,interest_income,fee_income,credit_losses,outstanding_balance
            north,2023-04,4,0,0,400
            north,2023-06,100,0,0,1000
            north,2023-07,10,1,0,1000
            north,2025-01,20,2,5,2000
            north,2026-06,30,3,1,3000
            north,2026-07,999,0,0,9999
            south,2023-08,5,0,0,500
            south,2024-01,6,1,2,600
            south_city,2026-06,7,1,0,700
            """,
        ["operating_costs.csv"] = """
            unit_id,month,amount
            north,2025-12,999
            north,2026-01,100
            south,2026-06,50.25
            south_city,2026-07,70
            east,2026-02,40
            """,
        ["nps_responses.csv"] = """
            response_id,org_nr,unit_id,answered_on,score
            R1,c1,north,2025-12-31,10
            R2,c1,north,2026-01-01,9
            R3,c5,north,2026-06-30,6
            R4,c5,north,2026-07-01,0
            R5,c2,south,2026-03-01,8
            R6,c4,south_city,2026-04-30,10
            R7,c4,south_city,2026-05-01,7
            """,
        ["engagement_responses.csv"] = """
            respondent_id,unit_id,survey_year,item,score
            p1,north,2025,q1,5
            p1,north,2026,q1,4
            p1,north,2026,q2,2
            p2,north,2026,q1,5
            p1,south,2025,q1,3
            p1,south_city,2027,q1,1
            p9,south_city,2024,q1,2
            """,
        ["kyc_snapshots.csv"] = """
            snapshot_on,org_nr,unit_id,relation_active,kyc_complete
            2026-03-31,c1,north,true,false
            2026-06-30,c1,north,true,true
            2026-06-30,c5,north,true,false
            2026-06-30,c2,north,false,false
            2026-07-31,c1,north,true,false
            2026-05-31,c2,south,true,true
            2026-06-30,c4,south_city,true,true
            2026-06-30,c6,south_city,true,true
            """,
        ["targets.csv"] = "goal_id,unit_id,year,level,decided_by,decided_on",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-almi-").FullName;

    public AlmiWarehouse()
    {
        foreach (var (name, text) in Files) System.IO.File.WriteAllText(Path.Combine(_folder, name), text + "\n");
        Goals = GoalFileReader.Read(Path.Combine(SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"));
        Store = Store.Open(null);
        Store.Import(Goals, _folder, TimeProvider.System);
    }

    public GoalFile Goals { get; }

    public Store Store { get; }

    /// <summary>The metric's value per unit, as the engine computes it.</summary>
    public Dictionary<string, double?> Metric(string metric, string period) =>
        Query(MetricCompiler.Compile(Goals, metric, Period.Parse(period)).Sql(DuckDbDialect.Instance));

    /// <summary>The value per unit of a formula written in a goal file that includes goals.yaml (so it sees all of it).</summary>
    public Dictionary<string, double?> Formula(string formula, string period)
    {
        // An include stays inside the folder of the including file: the goal file is copied beside it.
        var almi = Path.Combine(_folder, "almi-goals.yaml");
        if (!System.IO.File.Exists(almi)) System.IO.File.Copy(Path.Combine(SqlSnapshotTest.Root, "samples", "almi", "goals.yaml"), almi);
        var path = Path.Combine(_folder, $"extra-{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(path, $"include: [almi-goals.yaml]\nmetrics:\n  x: {formula}\n");
        var file = GoalFileReader.Read(path);
        return Query(MetricCompiler.Compile(file, "x", Period.Parse(period)).Sql(DuckDbDialect.Instance));
    }

    /// <summary>A query's rows (unit_id, value) as a map; a unit without a row has no value.</summary>
    public Dictionary<string, double?> Query(string sql) => Store.Connection.Rows(sql)
        .ToDictionary(r => (string)r[0]!, r => r[1] is null ? (double?)null : Convert.ToDouble(r[1], CultureInfo.InvariantCulture));

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
