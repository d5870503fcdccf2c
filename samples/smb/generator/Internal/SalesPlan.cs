using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

/// <summary>
/// The salespeople's weekly activities (ISO weeks, Monday to Sunday, whole weeks up to the last day) and the monthly
/// budgets per salesperson and team for every month of the three fiscal years: each month's budget is the same month
/// of the year before plus the year's growth target, so budgets follow the seasons as the actuals do.
/// </summary>
internal static class SalesPlan
{
    public static readonly string[] Measures = ["revenue", "new_customers", "meetings"];

    public static void WriteActivities(int seed, Actuals actuals, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Activities);
        using var csv = new CsvWriter(dir, SmbFiles.Activities, "unit_id", "week", "week_start", "meetings", "demos", "quotes", "calls");
        // 2024-01-01 is the Monday of 2024-W01.
        for (var monday = Company.FirstDay; monday.AddDays(6) <= Company.LastDay; monday = monday.AddDays(7))
        {
            var week = ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
            var year = ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue));
            var season = week switch { >= 28 and <= 31 => 0.15, 27 or 32 => 0.6, 52 or 1 => 0.45, _ => 1.0 };
            foreach (var s in Company.Salespeople)
            {
                var large = s.Segment == "large";
                var meetings = rng.Count((large ? 6 : 9) * s.Pace * season);
                var demos = Math.Min(meetings, rng.Count(meetings * 0.45));
                var quotes = Math.Min(meetings, rng.Count(meetings * 0.3));
                var calls = rng.Count((large ? 18 : 35) * s.Pace * season);
                csv.Text(s.Id).Text(string.Create(CultureInfo.InvariantCulture, $"{year}-W{week:D2}")).Date(monday)
                    .Int(meetings).Int(demos).Int(quotes).Int(calls).EndRow();
                Actuals.Add(actuals.Meetings, s.Id, monday, meetings);
            }
        }
        run.Done(csv);
    }

    public static void WriteBudgets(int seed, Actuals actuals, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Budgets);
        using var csv = new CsvWriter(dir, SmbFiles.Budgets, "measure", "unit_id", "kind", "month", "period", "amount");
        foreach (var measure in Measures)
        {
            var source = measure switch { "revenue" => actuals.Revenue, "new_customers" => actuals.NewCustomers, _ => actuals.Meetings };
            var growth = measure switch { "revenue" => 1.12, "new_customers" => 1.15, _ => 1.05 };
            var team = new Dictionary<(string, DateOnly), decimal>();
            foreach (var s in Company.Salespeople)
                foreach (var month in Company.Months(Company.BudgetEnd))
                {
                    // 2024 was budgeted without a year before in the sample: near its own outcome.
                    var basis = month.Year == 2024
                        ? (double)source.GetValueOrDefault((s.Id, month)) * rng.Uniform(0.95, 1.1)
                        : (double)source.GetValueOrDefault((s.Id, month.AddYears(-1))) * growth * rng.Uniform(0.97, 1.05);
                    var amount = measure == "revenue" ? Math.Round((decimal)basis / 1000) * 1000 : Math.Round((decimal)basis);
                    Row(s.Id, "salesperson", month, amount);
                    team[(s.Team, month)] = team.GetValueOrDefault((s.Team, month)) + amount;
                }
            foreach (var t in Company.Teams)
                foreach (var month in Company.Months(Company.BudgetEnd))
                    Row(t, "team", month, team[(t, month)]);

            void Row(string unit, string kind, DateOnly month, decimal amount)
            {
                csv.Text(measure).Text(unit).Text(kind).Month(month.Year, month.Month)
                    .Text(string.Create(CultureInfo.InvariantCulture, $"{month.Year}-{month.Month:D2}"));
                if (measure == "revenue") csv.Money(amount); else csv.Int((long)amount);
                csv.EndRow();
            }
        }
        run.Done(csv);
    }
}
