using Styrkort.Core.Evaluation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.SmbKpis;

/// <summary>
/// Every KPI of samples/smb/goals.yaml (shared/design/smb-kpis.md Part 2) on the hand-written data of
/// <see cref="SmbKpiData"/>, against numbers worked out by hand, on both engines. Unless said otherwise the period is
/// 2026-03: rolling(12) is 2025-04-01 – 2026-03-31, rolling(3) 2026-01-01 – 2026-03-31.
/// </summary>
public abstract class SmbKpiTests(Engine engine)
{
    private const int Digits = 6;

    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> March(params string[] metrics)
    {
        using var data = new SmbKpiData(engine);
        return data.Metrics(metrics, "2026-03")[0];
    }

    private static double Company(IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> m, string metric) => m[metric]["nordvik"].AsDouble;

    [Fact]
    public void RevenueGrowthAndRevenuePerEmployee_RollingTwelveMonths()
    {
        var m = March("revenue", "revenue_12m", "revenue_growth", "gross_margin_percent", "average_fte", "revenue_per_employee");
        // March: i1 9000 + i2 9000 + i3 5000 + i4 4000 = 27000.
        Assert.Equal(27000, Company(m, "revenue"), Digits);
        // 2025-04..2026-03: i1..i9 = 9000 + 9000 + 5000 + 4000 + 10000 + 4000 + 10000 + 4000 + 10000 = 65000.
        Assert.Equal(65000, Company(m, "revenue_12m"), Digits);
        // The year before, 2024-04..2025-03: i10 18500 + i11 5000 + i15 1500 = 25000 → 100 × (65000 / 25000 − 1) = 160.
        Assert.Equal(160, Company(m, "revenue_growth"), Digits);
        // Cost of goods in the 12 months: 1000 + 3000 + 7 × 1000 = 11000 → 100 × 54000 / 65000.
        Assert.Equal(100.0 * 54000 / 65000, Company(m, "gross_margin_percent"), Digits);
        // FTE: e1 12 months × 1 + e2 3 months × 0.5 = 13.5 over 12 months with staff (e1's 2025-03 is outside) = 1.125.
        Assert.Equal(1.125, Company(m, "average_fte"), Digits);
        // 65000 / 1.125 = 57777.78.
        Assert.Equal(65000 / 1.125, Company(m, "revenue_per_employee"), Digits);
    }

    [Fact]
    public void Cac_PaybackLtvAndLtvToCac()
    {
        var m = March("sales_marketing_costs", "new_customers", "cac", "cac_12m", "margin_per_customer_month", "cac_payback_months", "ltv", "ltv_to_cac");
        // March: marketing 30000 + sales 50000 (delivery's 99999 is not sales or marketing) = 80000; new: c3, c4 → 40000.
        Assert.Equal(80000, Company(m, "sales_marketing_costs"), Digits);
        Assert.Equal(2, Company(m, "new_customers"), Digits);
        Assert.Equal(40000, Company(m, "cac"), Digits);
        // 12 months: 70000 (2025-06) + 30000 + 50000 = 150000 (2025-03's 10000 is outside); acquired c2, c3, c4 → 50000.
        Assert.Equal(50000, Company(m, "cac_12m"), Digits);
        // Of the customers new in the 12 months (c2, c3, c4, as smb-kpis.md says: per new customer): their margin i4, i6, i8
        // 3000 each + i3 4000 + i2 6000 = 19000 over their 4 subscription invoices (i3, i4, i6, i8) = 4750 a customer-month.
        Assert.Equal(4750, Company(m, "margin_per_customer_month"), Digits);
        // 50000 / 4750 = 10.53 months.
        Assert.Equal(50000.0 / 4750, Company(m, "cac_payback_months"), Digits);
        // 54000 / customers lost in the 12 months (c2 2026-03-15, c5 2025-09-30, c6 2026-03-01, c7 2026-01-20) = 13500.
        Assert.Equal(13500, Company(m, "ltv"), Digits);
        // 13500 / 50000 = 0.27.
        Assert.Equal(0.27, Company(m, "ltv_to_cac"), Digits);
    }

    [Fact]
    public void CacPaybackAndLtv_ByChannel()
    {
        using var data = new SmbKpiData(engine);
        var march = data.Evaluate("2026-03")[0];
        // CAC, web: the web campaign's 30000 / the web customer acquired in March (c3) = 30000; the shared 50000 is no channel's.
        Assert.Equal(30000, Segment(march, "cac", "nordvik", "web"), Digits);
        // Payback, web: CAC 12 months 30000 / (c2, c3) = 15000; margin of web customers' invoices i3 4000 + i4, i6, i8 3000 each
        // = 13000 over their 4 subscription invoices = 3250 → 15000 / 3250 = 4.615.
        Assert.Equal(15000.0 / 3250, Segment(march, "cac_payback", "nordvik", "web"), Digits);
        // LTV, web: 13000 / lost web customers c2, c5, c7 = 4333.33; partner: i1 8000 + i2 6000 + i5, i7, i9 9000 each = 41000 / c6.
        Assert.Equal(13000.0 / 3, Segment(march, "ltv", "nordvik", "web"), Digits);
        Assert.Equal(41000, Segment(march, "ltv", "nordvik", "partner"), Digits);
    }

    [Fact]
    public void Churn_AMonthAQuarterPerMonth_AndBySegment()
    {
        using var data = new SmbKpiData(engine);
        var r = data.Evaluate("2026-03", "2026-Q1");
        // March: customers at 1 March: c1, c2, c6 (its churn day is 1 March, so it was a customer that morning) = 3;
        // lost in March: c6, c2 → 100 × 2 / 3 = 66.67 % a month; the goal is at most 1.5 → not met.
        var march = Single(r[0], "churn", "nordvik");
        Assert.Equal(200.0 / 3, march.Value!.Value.AsDouble, Digits);
        Assert.Equal(Status.NotMet, march.Status);
        // Q1: at 1 January c1, c2, c6, c7 = 4; lost c7, c6, c2 → 75 % in the quarter, 75 / 3 = 25 % a month.
        Assert.Equal(25, Single(r[1], "churn", "nordvik").Value!.Value.AsDouble, Digits);
        // By segment, March: large: c1, c6 at the start, c6 lost → 50; small: c2 at the start and lost → 100.
        Assert.Equal(50, Segment(r[0], "churn", "nordvik", "large"), Digits);
        Assert.Equal(100, Segment(r[0], "churn", "nordvik", "small"), Digits);

        using var again = new SmbKpiData(engine);
        Assert.Equal(75, again.Metrics(["churn_rate"], "2026-Q1")[0]["churn_rate"]["nordvik"].AsDouble, Digits);
    }

    [Fact]
    public void WebConversionAndTheFunnelSteps()
    {
        var m = March("web_conversion", "lead_to_mql", "mql_to_sql", "sql_to_won", "cpl");
        // March: conversions 10 + 15 over visits 1000 + 500 (February's row is outside) = 1.67 %.
        Assert.Equal(100.0 * 25 / 1500, Company(m, "web_conversion"), Digits);
        // Leads created in March: l2, l3, l4, l5, l7; MQL of them: l2, l3, l7 → 60 %.
        Assert.Equal(60, Company(m, "lead_to_mql"), Digits);
        // MQL in March (by mql_on): l2, l3, l7 (l1's is February); SQL of them: l3 → 33.33 %.
        Assert.Equal(100.0 / 3, Company(m, "mql_to_sql"), Digits);
        // SQL in March (by sql_on): l1 (03-01), l3 (03-12); both won → 100 (l6, lost in March, became SQL before it).
        Assert.Equal(100, Company(m, "sql_to_won"), Digits);
        // CPL: campaigns started 2026-01..03: k2 6000; MQLs with a campaign then: l1, l2, l7 → 2000.
        Assert.Equal(2000, Company(m, "cpl"), Digits);

        using var data = new SmbKpiData(engine);
        var march = data.Evaluate("2026-03")[0];
        // By page: start 10 / 1000 = 1 %, priser 15 / 500 = 3 %.
        Assert.Equal(1, Segment(march, "web_conversion", "nordvik", "start"), Digits);
        Assert.Equal(3, Segment(march, "web_conversion", "nordvik", "priser"), Digits);
        // SQL to won is followed in sales and below: the same leads, all owned by salespeople.
        Assert.Equal(100, Single(march, "sql_to_won", "sales").Value!.Value.AsDouble, Digits);
    }

    [Fact]
    public void Roi_AfterThreeSixAndTwelveMonths_CountedFromACampaignStartingOnAMonthsLastDay()
    {
        using var data = new SmbKpiData(engine);
        var r = data.Metrics(["roi_3m", "roi_6m", "roi_12m"], "2024-02", "2024-05", "2024-11", "2025-08");
        // 2024-02, 3 months: the campaigns started 2023-11 (k0, 2023-11-30, cost 1000); its months run to leap day
        // 2024-02-29, not included: margin of i12 1000 + i13 (2024-02-28) 1000 = 2000 (i14 on 02-29 is out) → 100 × (2000 − 1000) / 1000.
        Assert.Equal(100, r[0]["roi_3m"]["nordvik"].AsDouble, Digits);
        // 2024-05, 6 months: the same cohort, up to 2024-05-30 (not included): i12, i13, i14 = 3000 → 200.
        Assert.Equal(200, r[1]["roi_6m"]["nordvik"].AsDouble, Digits);
        // 2024-11, 12 months: up to 2024-11-30: i12..i15 = 4000 → 300.
        Assert.Equal(300, r[2]["roi_12m"]["nordvik"].AsDouble, Digits);
        // 2025-08, 3 months: k1 (2025-05-31, 2000) up to 2025-08-31: i8 3000 → 100 × (3000 − 2000) / 2000 = 50.
        Assert.Equal(50, r[3]["roi_3m"]["nordvik"].AsDouble, Digits);
    }

    [Fact]
    public void Nps_RollingThreeMonths_AndByTouchpoint()
    {
        using var data = new SmbKpiData(engine);
        var march = data.Evaluate("2026-03")[0];
        // 2026-01..03 (n0 of 2025-12-31 is outside): promoters n1 10, n2 9, n4 9; detractors n3 6, n5 0 → 100 × (3 − 2) / 5 = 20.
        var nps = Single(march, "nps", "nordvik");
        Assert.Equal((20.0, Status.NotMet), (nps.Value!.Value.AsDouble, nps.Status));
        // After purchase: n1, n4 promoters, n5 a detractor → 100 × 1 / 3; after support: n2 and n3 → 0.
        Assert.Equal(100.0 / 3, Segment(march, "nps", "nordvik", "after_purchase"), Digits);
        Assert.Equal(0, Segment(march, "nps", "nordvik", "after_support"), Digits);
    }

    [Fact]
    public void Engagement_TheLatestRound_ScoreAndIndex_ByArea()
    {
        using var data = new SmbKpiData(engine);
        var m = data.Metrics(["engagement_score", "engagement_index"], "2026-03", "2026-02");
        // March: the round of 2026-03-16: 4, 5, 3, 4 → 4.0; index 25 × (4 − 1) = 75. Delivery 4.5 → 87.5; admin 3.5 → 62.5.
        Assert.Equal(4, m[0]["engagement_score"]["nordvik"].AsDouble, Digits);
        Assert.Equal(75, m[0]["engagement_index"]["nordvik"].AsDouble, Digits);
        Assert.Equal(87.5, m[0]["engagement_index"]["delivery"].AsDouble, Digits);
        // February: the latest round is 2025-09-15, one answer of 1 → index 0.
        Assert.Equal(0, m[1]["engagement_index"]["nordvik"].AsDouble, Digits);

        using var again = new SmbKpiData(engine);
        var march = again.Evaluate("2026-03")[0];
        Assert.Equal(Status.Met, Single(march, "engagement_index", "nordvik").Status);
        // Admin 62.5 is below the warning 65: not met (not at risk).
        Assert.Equal(Status.NotMet, Single(march, "engagement_index", "admin").Status);
        // By area at the company: leadership 4, 4 → 75; culture 5 → 100; development 3 → 50.
        Assert.Equal(75, Segment(march, "engagement_index", "nordvik", "leadership"), Digits);
        Assert.Equal(100, Segment(march, "engagement_index", "nordvik", "culture"), Digits);
        Assert.Equal(50, Segment(march, "engagement_index", "nordvik", "development"), Digits);
    }

    [Fact]
    public void MarketShare_TheYearsMarket_AndByRegion()
    {
        using var data = new SmbKpiData(engine);
        var march = data.Evaluate("2026-03")[0];
        // 100 × 65000 / (2026: 500000 + 800000) = 5 → below 6, not met (the 2025 row is another year).
        var share = Single(march, "market_share", "nordvik");
        Assert.Equal((5.0, Status.NotMet), (share.Value!.Value.AsDouble, share.Status));
        // Stockholm: c1's i1, i5, i7, i9 (9000 + 3 × 10000) + c3's i3 5000 = 44000 / 500000 = 8.8 %.
        Assert.Equal(8.8, Segment(march, "market_share", "nordvik", "stockholm"), Digits);
        // Syd: i2 9000 + i4, i6, i8 4000 each = 21000 / 800000 = 2.625 %.
        Assert.Equal(2.625, Segment(march, "market_share", "nordvik", "syd"), Digits);
    }

    [Fact]
    public void SalesAgainstBudget_AMonthAQuarterAMonthWithoutInvoices_AndTheBandEdges()
    {
        using var data = new SmbKpiData(engine);
        var r = data.Evaluate("2026-02", "2026-03", "2026-Q1");
        // Anna, February: 10000 against 10000 → exactly 100 % → met, full bonus.
        Assert.Equal((10000m, 10000m, Status.Met, "Full bonus"), Judged(Single(r[0], "revenue", "anna")));
        // Bo, February: no invoice, sum 0 against 3000 → not met, no bonus.
        Assert.Equal((0m, 3000m, Status.NotMet, "Ingen bonus"), Judged(Single(r[0], "revenue", "bo")));
        // Anna, March: 9000 + 9000 = 18000 against 20000 → exactly 90 % → the band from 90, partial bonus.
        Assert.Equal((18000m, 20000m, Status.NotMet, "Delbonus"), Judged(Single(r[1], "revenue", "anna")));
        // Bo, March: 5000 + 4000 = 9000 against 10001 → 89.99 % → no bonus.
        Assert.Equal((9000m, 10001m, Status.NotMet, "Ingen bonus"), Judged(Single(r[1], "revenue", "bo")));
        // The team key_accounts has its own row: Anna's 18000 against 20000 → 90 %.
        Assert.Equal((18000m, 20000m, Status.NotMet, "Delbonus"), Judged(Single(r[1], "revenue", "key_accounts")));
        // Q1 (phasing: sum): Anna 10000 + 10000 + 18000 = 38000 against 10000 + 10000 + 20000 = 40000 → 95 %.
        Assert.Equal((38000m, 40000m, Status.NotMet, "Delbonus"), Judged(Single(r[2], "revenue", "anna")));
        // Bo: 4000 + 0 + 9000 = 13000 against 5000 + 3000 + 10001 = 18001 → 72.2 %.
        Assert.Equal((13000m, 18001m, Status.NotMet, "Ingen bonus"), Judged(Single(r[2], "revenue", "bo")));
        // Carl has no budget: his 0 is shown, no_target.
        Assert.Equal(Status.NoTarget, Single(r[1], "revenue", "carl").Status);
        // units: [key_accounts, growth]: no sales goal for the company, Sales or Marketing.
        Assert.DoesNotContain(r[1].Outcomes, o => o.Goal == "revenue" && o.Unit is "nordvik" or "sales" or "marketing");
        // New customers: Anna won c4 in March against 1 → met; meetings 5 + 4 + 1 = 10 against 12 → not met.
        Assert.Equal((1m, 1m, Status.Met, (string?)null), Judged(Single(r[1], "new_customers", "anna")));
        Assert.Equal((10m, 12m, Status.NotMet, (string?)null), Judged(Single(r[1], "meetings", "anna")));
    }

    [Fact]
    public void DemosInAWeek_PerSalesperson_ATeamInTheWarningZoneIsAtRisk()
    {
        using var data = new SmbKpiData(engine);
        var week = data.Evaluate("2026-W12")[0];
        // 2026-W12 starts Monday 2026-03-16: Anna 3 → met; Bo 2 → below the warning 2.5, not met; Carl 3 → met.
        Assert.Equal((3.0, Status.Met), Demos(week, "anna"));
        Assert.Equal((2.0, Status.NotMet), Demos(week, "bo"));
        Assert.Equal((3.0, Status.Met), Demos(week, "carl"));
        // Growth: the mean of Bo's and Carl's weeks, (2 + 3) / 2 = 2.5 → at the warning, below 3: at risk.
        Assert.Equal((2.5, Status.AtRisk), Demos(week, "growth"));
        Assert.DoesNotContain(week.Outcomes, o => o.Goal == "demos" && o.Unit is "nordvik" or "marketing");
    }

    private static (double, Status) Demos(Evaluation.Evaluation e, string unit)
    {
        var o = Single(e, "demos", unit);
        return (o.Value!.Value.AsDouble, o.Status);
    }

    private static Outcome Single(Evaluation.Evaluation e, string goal, string unit) => e.Outcomes.Single(o => o.Goal == goal && o.Unit == unit);

    private static double Segment(Evaluation.Evaluation e, string goal, string unit, string key) =>
        e.Breakdowns.Where(b => b.Goal == goal && b.Unit == unit).SelectMany(b => b.Segments)
            .Single(s => Equals(s.Key, key)).Value!.Value.AsDouble;

    private static (decimal? Value, decimal? Level, Status Status, string? Band) Judged(Outcome o) =>
        (o.Value?.Exact, o.Target.Level, o.Status, o.Band?.Swedish);
}

public sealed class SmbKpiTestsOnDuckDb() : SmbKpiTests(DuckDbEngine.Instance);

public sealed class SmbKpiTestsOnPostgres(PostgresEngine engine) : SmbKpiTests(engine), IClassFixture<PostgresEngine>;
