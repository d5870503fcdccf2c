using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.SmbKpis;

/// <summary>
/// A hand-written miniature of Nordvik Analys AB in a temp folder, for the shipped samples/smb/goals.yaml (read from the
/// repository, its include of bas-nyckeltal-manad.yaml kept): every dataset of smb-data.yaml with a handful of rows, the
/// SIE datasets empty (header only), so the finance goals have no data and every other KPI a number computed by hand.
/// Units: nordvik → sales, marketing, customer_success, delivery, admin; sales → key_accounts → anna; sales → growth → bo, carl.
/// </summary>
internal sealed class SmbKpiData : IDisposable
{
    public static string GoalFilePath { get; } = Path.Combine(RepoRoot(), "samples", "smb", "goals.yaml");

    private readonly Engine _engine;
    private readonly Func<string, string>? _editGoals;

    /// <param name="editGoals">Reads a changed copy of goals.yaml (beside a copy of smb-data.yaml) instead: to try a formula.</param>
    public SmbKpiData(Engine engine, Func<string, string>? editGoals = null)
    {
        _engine = engine;
        _editGoals = editGoals;
        Folder = Path.Combine(Path.GetTempPath(), "styrkort-smb-kpis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["units.csv"] = """
            unit_id,name,parent_id,kind
            nordvik,Nordvik Analys AB,,company
            sales,Sälj,nordvik,department
            marketing,Marknad,nordvik,department
            customer_success,Kundframgång,nordvik,department
            delivery,Leverans,nordvik,department
            admin,Administration,nordvik,department
            key_accounts,Key accounts,sales,team
            growth,Growth,sales,team
            anna,Anna,key_accounts,salesperson
            bo,Bo,growth,salesperson
            carl,Carl,growth,salesperson
            """,
        ["regions.csv"] = "region_id,name\nstockholm,Stockholm\nsyd,Syd\n",
        ["product_lines.csv"] = "product_line,name\ninsikt,Insikt\nfalt,Fält\n",
        ["channels.csv"] = "channel,name\nweb,Webb\npartner,Partner\n",
        ["staff.csv"] = """
            employee_id,name,unit_id,department,role,started_on,ended_on,fte,monthly_salary
            e1,Anna,anna,sales,Säljare,2020-01-01,,1,50000
            e2,Dan,delivery,delivery,Utvecklare,2026-01-01,,0.5,40000
            """,
        // e1 every month of 2025-04..2026-03 (12 × 1), e2 half time 2026-01..03 (3 × 0.5): see StaffMonths.
        ["staff_months.csv"] = "employee_id,unit_id,month,fte\n"
            + string.Concat(Enumerable.Range(0, 12).Select(i => $"e1,anna,{new DateOnly(2025, 4, 1).AddMonths(i):yyyy-MM},1\n"))
            + "e1,anna,2025-03,1\ne2,delivery,2026-01,0.5\ne2,delivery,2026-02,0.5\ne2,delivery,2026-03,0.5\n",
        ["engagement_responses.csv"] = """
            round_on,respondent_id,unit_id,area,item,score
            2025-09-15,r1,delivery,leadership,q1,1
            2026-03-16,r1,delivery,leadership,q1,4
            2026-03-16,r1,delivery,culture,q2,5
            2026-03-16,r2,admin,development,q3,3
            2026-03-16,r2,admin,leadership,q1,4
            """,
        // k0 starts on the last day of November 2023, so its months end on leap day 2024-02-29, then 2024-05-30, 2024-11-30.
        ["campaigns.csv"] = """
            campaign_id,name,channel,kind,unit_id,started_on,ended_on,cost
            k0,Höst 2023,web,ads,marketing,2023-11-30,2023-12-31,1000
            k1,Vår 2025,web,ads,marketing,2025-05-31,2025-06-30,2000
            k2,Vår 2026,web,ads,marketing,2026-02-01,2026-03-31,6000
            """,
        ["web_visits.csv"] = """
            visited_on,page,source,unit_id,visits,conversions
            2026-02-10,start,organic,marketing,999,99
            2026-03-02,start,organic,marketing,1000,10
            2026-03-03,priser,paid,marketing,500,15
            """,
        ["leads.csv"] = """
            lead_id,created_on,channel,campaign_id,page,segment,region,owner_id,product_line,mql_on,sql_on,won_on,lost_on,customer_id
            l1,2026-02-20,web,k2,start,small,stockholm,bo,insikt,2026-02-25,2026-03-01,2026-03-05,,c3
            l2,2026-03-04,web,k2,priser,small,syd,bo,falt,2026-03-06,,,,
            l3,2026-03-10,partner,,,large,syd,anna,insikt,2026-03-11,2026-03-12,2026-03-20,,c4
            l4,2026-03-15,web,k2,start,small,stockholm,bo,insikt,,,,,
            l5,2026-03-16,web,,blogg,small,syd,bo,insikt,,,,,
            l6,2026-01-10,partner,,,large,stockholm,anna,insikt,2026-01-15,2026-02-01,,2026-03-25,
            l7,2026-03-20,web,k2,demo,small,stockholm,bo,insikt,2026-03-22,,,,
            """,
        ["customers.csv"] = """
            customer_id,name,owner_id,channel,segment,region,product_line,acquired_on,churned_on,campaign_id,monthly_price
            c1,Alfa,anna,partner,large,stockholm,insikt,2024-05-01,,,10000
            c2,Beta,bo,web,small,syd,falt,2025-06-10,2026-03-15,k1,4000
            c3,Gamma,bo,web,small,stockholm,insikt,2026-03-05,,k2,5000
            c4,Delta,anna,partner,large,syd,insikt,2026-03-20,,,9000
            c5,Epsilon,bo,web,small,syd,falt,2025-01-10,2025-09-30,,5000
            c6,Zeta,anna,partner,large,stockholm,falt,2025-02-01,2026-03-01,,8000
            c7,Eta,bo,web,small,syd,insikt,2024-06-01,2026-01-20,,3000
            c8,Theta,bo,web,small,syd,insikt,2023-12-05,2024-12-31,k0,1500
            """,
        ["invoices.csv"] = """
            invoice_id,customer_id,owner_id,invoiced_on,product_line,kind,amount,cost_of_goods,paid_on,campaign_id
            i1,c1,anna,2026-03-01,insikt,subscription,9000,1000,,
            i2,c4,anna,2026-03-20,insikt,services,9000,3000,,
            i3,c3,bo,2026-03-05,insikt,subscription,5000,1000,,k2
            i4,c2,bo,2026-03-01,falt,subscription,4000,1000,,k1
            i5,c1,anna,2026-01-01,insikt,subscription,10000,1000,2026-01-20,
            i6,c2,bo,2026-01-01,falt,subscription,4000,1000,2026-01-25,k1
            i7,c1,anna,2026-02-01,insikt,subscription,10000,1000,2026-02-20,
            i8,c2,bo,2025-06-10,falt,subscription,4000,1000,2025-06-30,k1
            i9,c1,anna,2025-05-01,insikt,subscription,10000,1000,2025-05-30,
            i10,c1,anna,2024-06-01,insikt,subscription,18500,2000,2024-06-30,
            i11,c5,bo,2025-01-10,falt,subscription,5000,1000,2025-01-30,
            i12,c8,bo,2023-12-05,insikt,subscription,1500,500,2023-12-30,k0
            i13,c8,bo,2024-02-28,insikt,subscription,1500,500,2024-03-20,k0
            i14,c8,bo,2024-02-29,insikt,services,1500,500,2024-03-20,k0
            i15,c8,bo,2024-05-30,insikt,subscription,1500,500,2024-06-20,k0
            """,
        ["nps_responses.csv"] = """
            response_id,customer_id,owner_id,answered_on,touchpoint,score
            n0,c2,bo,2025-12-31,after_support,10
            n1,c1,anna,2026-01-15,after_purchase,10
            n2,c1,anna,2026-02-15,after_support,9
            n3,c2,bo,2026-03-02,after_support,6
            n4,c3,bo,2026-03-10,after_purchase,9
            n5,c4,anna,2026-03-21,after_purchase,0
            """,
        ["costs.csv"] = """
            month,unit_id,department,category,account,channel,amount
            2025-03,marketing,marketing,campaigns,5910,web,10000
            2025-06,sales,sales,personnel,7010,,70000
            2026-03,marketing,marketing,campaigns,5910,web,30000
            2026-03,sales,sales,personnel,7010,,50000
            2026-03,delivery,delivery,personnel,7010,,99999
            """,
        ["market_size.csv"] = """
            region_id,product_line,year,market_sales,source,unit_id
            stockholm,insikt,2025,999999,SCB,nordvik
            stockholm,insikt,2026,500000,prognos,nordvik
            syd,falt,2026,800000,prognos,nordvik
            """,
        // Bo's March budget 10001: 9000 of it is 89.99 %, just under the band edge; Anna's March is exactly 90 %.
        ["budgets.csv"] = """
            measure,unit_id,kind,month,period,amount
            revenue,anna,salesperson,2026-01,2026-01,10000
            revenue,anna,salesperson,2026-02,2026-02,10000
            revenue,anna,salesperson,2026-03,2026-03,20000
            revenue,bo,salesperson,2026-01,2026-01,5000
            revenue,bo,salesperson,2026-02,2026-02,3000
            revenue,bo,salesperson,2026-03,2026-03,10001
            revenue,key_accounts,team,2026-03,2026-03,20000
            new_customers,anna,salesperson,2026-03,2026-03,1
            meetings,anna,salesperson,2026-03,2026-03,12
            """,
        // 2026-W11 starts Monday 2026-03-09, W12 2026-03-16, W13 2026-03-23.
        ["activities.csv"] = """
            unit_id,week,week_start,meetings,demos,quotes,calls
            anna,2026-W11,2026-03-09,5,4,1,10
            anna,2026-W12,2026-03-16,4,3,1,10
            anna,2026-W13,2026-03-23,1,1,0,5
            bo,2026-W11,2026-03-09,3,3,1,10
            bo,2026-W12,2026-03-16,2,2,0,10
            carl,2026-W12,2026-03-16,1,3,0,10
            """,
    };

    /// <summary>Imports the files (the SIE datasets as header-only files) into a fresh warehouse, which the caller disposes.</summary>
    public (GoalFile File, Warehouse.IWarehouse Store) Import()
    {
        var goals = GoalFilePath;
        if (_editGoals is not null)
        {
            var copy = Directory.CreateDirectory(Path.Combine(Folder, "goals")).FullName;
            File.Copy(Path.Combine(Path.GetDirectoryName(GoalFilePath)!, "smb-data.yaml"), Path.Combine(copy, "smb-data.yaml"), overwrite: true);
            goals = Path.Combine(copy, "goals.yaml");
            File.WriteAllText(goals, _editGoals(File.ReadAllText(GoalFilePath)));
        }
        var file = GoalFileReader.Read(goals);
        foreach (var dataset in file.Datasets.Values)
        {
            var text = Files.TryGetValue(dataset.File, out var written)
                ? written
                : string.Join(',', dataset.Columns.Select(c => c.Name)) + "\n";
            File.WriteAllText(Path.Combine(Folder, dataset.File), text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
        }
        var store = _engine.Open();
        try
        {
            store.Import(file, Folder, TimeProvider.System);
            return (file, store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Every goal's outcomes and breakdowns, per period.</summary>
    public IReadOnlyList<Evaluation.Evaluation> Evaluate(params string[] periods)
    {
        var (file, store) = Import();
        using (store)
            return new Evaluator(file, store).Evaluate(periods.Select(Period.Parse).ToList(), null, CancellationToken.None);
    }

    /// <summary>The values of metrics (with or without a goal), per period: metric → unit → value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>>> Metrics(string[] metrics, params string[] periods)
    {
        var (file, store) = Import();
        using (store)
            return new Evaluator(file, store).Metrics(metrics, periods.Select(Period.Parse).ToList(), CancellationToken.None);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) return dir.FullName;
        throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
