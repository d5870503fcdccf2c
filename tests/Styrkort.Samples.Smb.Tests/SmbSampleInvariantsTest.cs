using System.Globalization;

namespace Styrkort.Samples.Smb.Tests;

/// <summary>What must hold in any seed's company: no impossible dates, a funnel that narrows, complete budgets.</summary>
[Collection(GeneratedSmbSampleCollection.Name)]
public sealed class SmbSampleInvariantsTest(GeneratedSmbSample sample)
{
    private static readonly DateOnly First = new(2024, 1, 1), Last = new(2026, 3, 31);

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Opt(string text) => text.Length == 0 ? null : D(text);

    private static decimal M(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Customers_ChurnAfterAcquisition_AndInvoicesOnlyWhileACustomer()
    {
        var customers = sample.Rows("customers.csv").ToDictionary(c => c["customer_id"]);
        Assert.InRange(customers.Count, 300, 1500);
        foreach (var c in customers.Values)
            if (Opt(c["churned_on"]) is { } churned) Assert.True(churned > D(c["acquired_on"]), c["customer_id"]);
        foreach (var i in sample.Rows("invoices.csv"))
        {
            var c = customers[i["customer_id"]];
            var day = D(i["invoiced_on"]);
            Assert.True(day >= D(c["acquired_on"]) && day >= First && day <= Last, i["invoice_id"]);
            Assert.True(Opt(c["churned_on"]) is not { } churned || day < churned, i["invoice_id"]);
            Assert.Equal(c["owner_id"], i["owner_id"]);
            Assert.True(M(i["amount"]) > M(i["cost_of_goods"]) && M(i["cost_of_goods"]) >= 0, i["invoice_id"]);
            if (Opt(i["paid_on"]) is { } paid) Assert.True(paid > day && paid <= Last, i["invoice_id"]);
        }
    }

    [Fact]
    public void Churn_IsHigherAmongSmallCustomersThanLargeOnes()
    {
        var customers = sample.Rows("customers.csv").ToList();
        double Rate(string segment) =>
            (double)customers.Count(c => c["segment"] == segment && c["churned_on"].Length > 0) / customers.Count(c => c["segment"] == segment);
        Assert.True(Rate("small") > 1.5 * Rate("large"), $"small {Rate("small"):P1}, large {Rate("large"):P1}");
    }

    [Fact]
    public void Leads_ReachTheirStepsInOrder_AndEachStepHasFewerLeads()
    {
        var leads = sample.Rows("leads.csv").ToList();
        foreach (var l in leads)
        {
            var steps = new[] { D(l["created_on"]), Opt(l["mql_on"]), Opt(l["sql_on"]), Opt(l["won_on"]) ?? Opt(l["lost_on"]) };
            Assert.False(l["won_on"].Length > 0 && l["lost_on"].Length > 0, l["lead_id"]);
            DateOnly? previous = null;
            var ended = false;
            foreach (var step in steps)
            {
                if (step is null) { ended = true; continue; }
                Assert.False(ended, $"{l["lead_id"]} skips a step");
                Assert.True(previous is null || step >= previous, l["lead_id"]);
                previous = step;
            }
            Assert.Equal(l["won_on"].Length > 0, l["customer_id"].Length > 0);
        }
        foreach (var channel in new[] { "web", "partner", "outbound" })
        {
            var of = leads.Where(l => l["channel"] == channel).ToList();
            int Count(string column) => of.Count(l => l[column].Length > 0);
            Assert.True(of.Count > Count("mql_on") && Count("mql_on") > Count("sql_on") && Count("sql_on") > Count("won_on") && Count("won_on") > 0, channel);
        }
    }

    [Fact]
    public void WebLeads_AreExactlyTheWebConversionsOfTheirDay()
    {
        var conversions = sample.Rows("web_visits.csv").GroupBy(v => v["visited_on"]).ToDictionary(g => g.Key, g => g.Sum(v => int.Parse(v["conversions"], CultureInfo.InvariantCulture)));
        var leads = sample.Rows("leads.csv").Where(l => l["channel"] == "web").GroupBy(l => l["created_on"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(conversions.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal), leads.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Staff_MonthsOnlyWhileEmployed_AboutFortyPeople()
    {
        var staff = sample.Rows("staff.csv").ToDictionary(s => s["employee_id"]);
        foreach (var m in sample.Rows("staff_months.csv"))
        {
            var e = staff[m["employee_id"]];
            var month = D(m["month"] + "-01");
            Assert.True(D(e["started_on"]) <= month.AddMonths(1).AddDays(-1), m["employee_id"]);
            Assert.True(Opt(e["ended_on"]) is not { } end || end >= month, m["employee_id"]);
            Assert.Equal(e["unit_id"], m["unit_id"]);
        }
        var march = sample.Rows("staff_months.csv").Where(m => m["month"] == "2026-03").Sum(m => M(m["fte"]));
        Assert.InRange(march, 34m, 42m);
        foreach (var r in sample.Rows("engagement_responses.csv"))
            Assert.InRange(int.Parse(r["score"], CultureInfo.InvariantCulture), 1, 5);
    }

    [Fact]
    public void Budgets_CoverEveryMonthOfTheFiscalYears_ForEverySalespersonAndTeam_TeamsSummingTheirPeople()
    {
        var units = sample.Rows("units.csv").ToList();
        var owners = units.Where(u => u["kind"] is "salesperson" or "team").Select(u => u["unit_id"]).ToList();
        Assert.InRange(units.Count(u => u["kind"] == "salesperson"), 6, 8);
        var budgets = sample.Rows("budgets.csv").ToList();
        foreach (var measure in new[] { "revenue", "new_customers", "meetings" })
            foreach (var unit in owners)
            {
                var months = budgets.Where(b => b["measure"] == measure && b["unit_id"] == unit).Select(b => b["month"]).Order(StringComparer.Ordinal);
                Assert.Equal(Enumerable.Range(0, 36).Select(i => new DateOnly(2024, 1, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)), months);
            }
        foreach (var team in units.Where(u => u["kind"] == "team"))
            foreach (var row in budgets.Where(b => b["unit_id"] == team["unit_id"]))
            {
                var members = units.Where(u => u["parent_id"] == team["unit_id"]).Select(u => u["unit_id"]).ToHashSet();
                var sum = budgets.Where(b => b["measure"] == row["measure"] && b["month"] == row["month"] && members.Contains(b["unit_id"])).Sum(b => M(b["amount"]));
                Assert.Equal(M(row["amount"]), sum);
            }
    }

    [Fact]
    public void Activities_AreWholeIsoWeeks_UpToTheLastDay()
    {
        foreach (var a in sample.Rows("activities.csv"))
        {
            var monday = D(a["week_start"]);
            Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
            Assert.True(monday.AddDays(6) <= Last);
            var dt = monday.ToDateTime(TimeOnly.MinValue);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):D2}"), a["week"]);
            Assert.True(int.Parse(a["demos"], CultureInfo.InvariantCulture) <= int.Parse(a["meetings"], CultureInfo.InvariantCulture));
        }
        Assert.Contains(sample.Rows("activities.csv"), a => a["week"] == "2026-W12");
    }

    [Fact]
    public void Revenue_HasASummerDip_AndGrows()
    {
        var perMonth = sample.Rows("invoices.csv").GroupBy(i => i["invoiced_on"][..7]).ToDictionary(g => g.Key, g => g.Sum(i => M(i["amount"])));
        Assert.True(perMonth["2025-07"] < perMonth["2025-06"] && perMonth["2025-07"] < perMonth["2025-08"]);
        Assert.True(perMonth.Where(p => p.Key.StartsWith("2025", StringComparison.Ordinal)).Sum(p => p.Value)
                    > 1.05m * perMonth.Where(p => p.Key.StartsWith("2024", StringComparison.Ordinal)).Sum(p => p.Value));
    }
}
