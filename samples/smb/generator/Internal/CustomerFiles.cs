using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

/// <summary>customers.csv, leads.csv and the NPS answers (after a purchase, and after a support case).</summary>
internal static class CustomerFiles
{
    public static void Write(int seed, List<Lead> leads, IReadOnlyList<Customer> customers, Actuals actuals, string dir, RunState run)
    {
        using (var csv = new CsvWriter(dir, SmbFiles.Customers,
            "customer_id", "name", "owner_id", "channel", "segment", "region", "product_line", "acquired_on", "churned_on", "campaign_id", "monthly_price"))
        {
            foreach (var c in customers)
            {
                csv.Text(c.Id).Text(c.Name).Text(c.Owner).Text(c.Channel).Text(c.Segment).Text(c.Region).Text(c.ProductLine).Date(c.Acquired);
                if (c.Churned is { } churned) csv.Date(churned); else csv.Empty();
                csv.Text(c.CampaignId).Money(c.MonthlyPrice).EndRow();
                if (c.Acquired >= Company.FirstDay) Actuals.Add(actuals.NewCustomers, c.Owner, c.Acquired, 1);
            }
            run.Done(csv);
        }
        using (var csv = new CsvWriter(dir, SmbFiles.Leads,
            "lead_id", "created_on", "channel", "campaign_id", "page", "segment", "region", "owner_id", "product_line",
            "mql_on", "sql_on", "won_on", "lost_on", "customer_id"))
        {
            foreach (var l in leads)
            {
                csv.Text(l.Id).Date(l.Source.Created).Text(l.Source.Channel).Text(l.Source.CampaignId).Text(l.Source.Page)
                    .Text(l.Segment).Text(l.Region).Text(l.Owner).Text(l.ProductLine);
                foreach (var day in new[] { l.Mql, l.Sql, l.Won, l.Lost })
                    if (day is { } d) csv.Date(d); else csv.Empty();
                csv.Text(l.Customer?.Id).EndRow();
            }
            run.Done(csv);
        }
        WriteNps(seed, customers, dir, run);
    }

    private static void WriteNps(int seed, IReadOnlyList<Customer> customers, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Nps);
        var answers = new List<(DateOnly Day, Customer Customer, string Touchpoint, int Score)>();
        foreach (var c in customers)
        {
            var large = c.Segment == "large";
            // Customers about to leave were unhappy for a while before.
            int Score(DateOnly day, double mean)
            {
                var leaving = c.Churned is { } ch && ch.DayNumber - day.DayNumber < 180;
                return Math.Clamp((int)Math.Round(rng.Normal(mean + (large ? 0.3 : 0) - (leaving ? 2.0 : 0), 1.6)), 0, 10);
            }
            var asked = c.Acquired.AddDays(rng.Between(20, 45));
            if (c.Acquired >= Company.FirstDay && rng.Chance(0.55) && c.ActiveOn(asked) && asked <= Company.LastDay)
                answers.Add((asked, c, "after_purchase", Score(asked, 8.6)));
            foreach (var month in Company.Months(Company.LastDay))
            {
                if (!rng.Chance(large ? 0.12 : 0.05)) continue;
                var day = month.AddDays(rng.NextInt(DateTime.DaysInMonth(month.Year, month.Month)));
                if (c.ActiveOn(day) && day <= Company.LastDay) answers.Add((day, c, "after_support", Score(day, 7.9)));
            }
        }
        answers.Sort((a, b) => a.Day.CompareTo(b.Day) is var d && d != 0 ? d : string.CompareOrdinal(a.Customer.Id, b.Customer.Id) is var e && e != 0 ? e : string.CompareOrdinal(a.Touchpoint, b.Touchpoint));
        using var csv = new CsvWriter(dir, SmbFiles.Nps, "response_id", "customer_id", "owner_id", "answered_on", "touchpoint", "score");
        var n = 0;
        foreach (var (day, c, touchpoint, score) in answers)
            csv.Text(string.Create(CultureInfo.InvariantCulture, $"N{++n:D5}")).Text(c.Id).Text(c.Owner).Date(day).Text(touchpoint).Int(score).EndRow();
        run.Done(csv);
    }
}
