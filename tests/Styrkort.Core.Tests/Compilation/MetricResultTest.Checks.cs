namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// For each metric of samples/almi/goals.yaml, a plain SQL query written from its definition in almi-goals.md, not from
/// the compiler: the subtree of each unit and the regions of each unit are spelled out, the windows are typed by hand.
/// Each returns (unit_id, value); a unit without a row has no value.
/// </summary>
public sealed partial class MetricResultTest
{
    /// <summary>A period and its windows, typed by hand: year to date, the 36 months, the period's year and the latest fiscal year F.</summary>
    public sealed record Span(string Period, string Start, string End, string FirstMonth, string LastMonth, int Year, int Fiscal)
    {
        public int Base => Fiscal - 1;
    }

    private static readonly Span[] Spans =
    [
        new("2026-Q2", "2026-01-01", "2026-06-30", "2023-07", "2026-06", 2026, 2025),
        new("2026-03", "2026-01-01", "2026-03-31", "2023-04", "2026-03", 2026, 2025),
        new("2026", "2026-01-01", "2026-12-31", "2024-01", "2026-12", 2026, 2025),
        new("2025-Q4", "2025-01-01", "2025-12-31", "2023-01", "2025-12", 2025, 2024),
    ];

    private const string Tree = """
        tree(unit_id, member) AS (VALUES ('ba', 'ba'), ('ba', 'north'), ('ba', 'south'), ('ba', 'south_city'), ('ba', 'east'),
          ('north', 'north'), ('south', 'south'), ('south', 'south_city'), ('south_city', 'south_city'), ('east', 'east'))
        """;

    private const string Regions = """
        regions(unit_id, region) AS (VALUES ('ba', '01'), ('ba', '02'), ('ba', '03'), ('ba', '04'), ('ba', '05'),
          ('north', '01'), ('north', '02'), ('south', '03'), ('south', '04'), ('south_city', '04'), ('east', '05'))
        """;

    /// <summary>An SME in the year of the financials row <paramref name="f"/>: the EU bounds times eur_sek = 11.</summary>
    private static string Sme(string f) => $"{f}.employees < 250 AND ({f}.net_revenue <= 550000000 OR {f}.total_assets <= 473000000)";

    private static string Customers(string from, string to) => $"""
        customers AS (
          SELECT DISTINCT t.unit_id, x.org_nr FROM tree t JOIN (
            SELECT unit_id, org_nr FROM loans WHERE disbursed_on BETWEEN DATE '{from}' AND DATE '{to}'
            UNION ALL
            SELECT unit_id, org_nr FROM efforts WHERE started_on BETWEEN DATE '{from}' AND DATE '{to}') x ON x.unit_id = t.member)
        """;

    private static string CustomerGrowth(Span s, string measure) => $"""
        WITH {Tree}, {Customers($"{s.Base}-01-01", $"{s.Base}-12-31")}
        SELECT c.unit_id, 100 * median(CAST(f.{measure} AS DOUBLE) / CAST(b.{measure} AS DOUBLE) - 1)
        FROM customers c
        JOIN financials b ON b.org_nr = c.org_nr AND b.fiscal_year = {s.Base} AND b.{measure} > 0
        JOIN financials f ON f.org_nr = c.org_nr AND f.fiscal_year = {s.Fiscal} AND f.{measure} IS NOT NULL
        GROUP BY 1
        """;

    private static string GroupAGrowth(Span s, string measure) => $"""
        WITH {Regions}
        SELECT r.unit_id, 100 * median(CAST(f.{measure} AS DOUBLE) / CAST(b.{measure} AS DOUBLE) - 1)
        FROM regions r JOIN companies c ON c.region = r.region
        JOIN financials b ON b.org_nr = c.org_nr AND b.fiscal_year = {s.Base} AND b.{measure} > 0 AND {Sme("b")}
        JOIN financials f ON f.org_nr = c.org_nr AND f.fiscal_year = {s.Fiscal} AND f.{measure} IS NOT NULL
        GROUP BY 1
        """;

    private static string CustomerShare(Span s, string yes, string known) => $"""
        WITH {Tree}, {Customers(s.Start, s.End)}
        SELECT cu.unit_id, 100.0 * avg(CASE WHEN {yes} THEN 1 ELSE 0 END)
        FROM customers cu JOIN companies c ON c.org_nr = cu.org_nr
        WHERE {known}
        GROUP BY 1
        """;

    private static string GroupBShare(Span s, string yes, string known) => $"""
        WITH {Regions}
        SELECT r.unit_id, 100.0 * avg(CASE WHEN {yes} THEN 1 ELSE 0 END)
        FROM regions r JOIN companies c ON c.region = r.region
        JOIN financials f ON f.org_nr = c.org_nr AND f.fiscal_year = {s.Fiscal} AND {Sme("f")}
        JOIN financials o ON o.org_nr = c.org_nr AND o.fiscal_year = {s.Fiscal - 3} AND o.net_revenue > 0
          AND 1000 * f.net_revenue >= 1331 * o.net_revenue
        WHERE {known}
        GROUP BY 1
        """;

    private static readonly Dictionary<string, Func<Span, string>> Checks = new()
    {
        ["net_revenue_growth"] = s => CustomerGrowth(s, "net_revenue"),
        ["net_revenue_growth_group_a"] = s => GroupAGrowth(s, "net_revenue"),
        ["ebitda_growth"] = s => CustomerGrowth(s, "ebitda"),
        ["ebitda_growth_group_a"] = s => GroupAGrowth(s, "ebitda"),
        ["early_stage_share"] = s => $"""
            WITH {Tree},
            engagements AS (
              SELECT t.unit_id, l.org_nr, l.disbursed_on AS day, l.phase FROM tree t JOIN loans l ON l.unit_id = t.member
              WHERE l.disbursed_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'
              UNION ALL
              SELECT t.unit_id, e.org_nr, e.started_on, e.phase FROM tree t JOIN efforts e ON e.unit_id = t.member
              WHERE e.started_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'),
            entry AS (
              SELECT unit_id, phase, row_number() OVER (PARTITION BY unit_id, org_nr
                ORDER BY day, CASE phase WHEN 'start' THEN 1 WHEN 'expansion' THEN 2 ELSE 3 END) AS n
              FROM engagements)
            SELECT unit_id, 100.0 * avg(CASE WHEN phase IN ('start', 'expansion') THEN 1 ELSE 0 END) FROM entry WHERE n = 1 GROUP BY 1
            """,
        ["women_share"] = s => CustomerShare(s, "c.leader_gender = 'F'", "c.leader_gender IN ('F', 'M')"),
        ["women_share_group_b"] = s => GroupBShare(s, "c.leader_gender = 'F'", "c.leader_gender IN ('F', 'M')"),
        ["foreign_background_share"] = s => CustomerShare(s, "c.foreign_background", "c.foreign_background IS NOT NULL"),
        ["foreign_background_share_group_b"] = s => GroupBShare(s, "c.foreign_background", "c.foreign_background IS NOT NULL"),
        ["loan_return_36m"] = s => $"""
            WITH {Tree}
            SELECT t.unit_id, 100.0 * sum(l.interest_income + l.fee_income - l.credit_losses) / (sum(l.outstanding_balance) / 36.0) / 3
            FROM tree t JOIN loan_ledger l ON l.unit_id = t.member
            WHERE strftime(l.month, '%Y-%m') BETWEEN '{s.FirstMonth}' AND '{s.LastMonth}'
            GROUP BY 1
            HAVING bool_or(strftime(l.month, '%Y-%m') = '{s.FirstMonth}')
            """,
        ["disbursed_loans"] = s => $"""
            WITH {Tree}
            SELECT t.unit_id, coalesce(sum(l.amount), 0) FROM tree t
            LEFT JOIN loans l ON l.unit_id = t.member AND l.disbursed_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'
            GROUP BY 1
            """,
        ["completed_efforts"] = s => $"""
            WITH {Tree}
            SELECT t.unit_id, count(e.effort_id) FROM tree t
            LEFT JOIN efforts e ON e.unit_id = t.member AND e.completed_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'
            GROUP BY 1
            """,
        ["cost_per_effort"] = s => $"""
            WITH {Tree},
            costs AS (
              SELECT t.unit_id, sum(o.amount) AS amount FROM tree t JOIN operating_costs o ON o.unit_id = t.member
              WHERE strftime(o.month, '%Y-%m') BETWEEN '{s.Start[..7]}' AND '{s.End[..7]}' GROUP BY 1),
            work AS (
              SELECT t.unit_id, count(*) AS n FROM tree t JOIN (
                SELECT unit_id FROM loans WHERE disbursed_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'
                UNION ALL
                SELECT unit_id FROM efforts WHERE completed_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}') w ON w.unit_id = t.member
              GROUP BY 1)
            SELECT work.unit_id, coalesce(costs.amount, 0) / work.n FROM work LEFT JOIN costs ON costs.unit_id = work.unit_id
            """,
        ["engagement_index"] = s => $"""
            WITH {Tree},
            latest AS (
              SELECT t.unit_id, max(r.survey_year) AS year FROM tree t JOIN engagement_responses r ON r.unit_id = t.member
              WHERE r.survey_year <= {s.Year} GROUP BY 1),
            respondents AS (
              SELECT l.unit_id, r.unit_id AS own_unit, r.respondent_id, avg(r.score) AS score
              FROM latest l JOIN tree t ON t.unit_id = l.unit_id
              JOIN engagement_responses r ON r.unit_id = t.member AND r.survey_year = l.year
              GROUP BY 1, 2, 3)
            SELECT unit_id, avg((score - 1) * 25) FROM respondents GROUP BY 1
            """,
        ["kyc_coverage"] = s => $"""
            WITH {Tree},
            own_latest AS (SELECT unit_id, max(snapshot_on) AS day FROM kyc_snapshots WHERE snapshot_on <= DATE '{s.End}' GROUP BY 1)
            SELECT t.unit_id, 100.0 * avg(CASE WHEN k.kyc_complete THEN 1 ELSE 0 END)
            FROM tree t JOIN own_latest o ON o.unit_id = t.member
            JOIN kyc_snapshots k ON k.unit_id = o.unit_id AND k.snapshot_on = o.day
            WHERE k.relation_active
            GROUP BY 1
            """,
        ["nps"] = s => $"""
            WITH {Tree}
            SELECT t.unit_id, 100.0 * (count(*) FILTER (WHERE r.score >= 9) - count(*) FILTER (WHERE r.score <= 6)) / count(*)
            FROM tree t JOIN nps_responses r ON r.unit_id = t.member
            WHERE r.answered_on BETWEEN DATE '{s.Start}' AND DATE '{s.End}'
            GROUP BY 1
            """,
    };
}
