using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

internal sealed record Employee(string Id, string Name, string Unit, string Department, string Role, DateOnly Start, DateOnly? End, decimal Fte, decimal Salary)
{
    public bool EmployedOn(DateOnly day) => Start <= day && (End is not { } end || day <= end);
}

/// <summary>
/// About 40 positions in five departments; a holder may leave (about 12 % a year, never a salesperson, whose unit is
/// their own) and is replaced one to three months later, and four positions are added as the company grows. Writes
/// staff.csv, staff_months.csv (FTE per month) and the engagement survey, and books the salaries.
/// </summary>
internal static class Staff
{
    private sealed record Position(string Unit, string Role, decimal Salary, decimal Fte, DateOnly? Opens = null);

    private static readonly Position[] Positions = BuildPositions();

    /// <summary>Survey rounds: every March and September.</summary>
    public static readonly DateOnly[] SurveyRounds = [new(2024, 3, 11), new(2024, 9, 9), new(2025, 3, 10), new(2025, 9, 8), new(2026, 3, 9)];

    private static readonly string[][] Items =
    [
        ["Min chef ger mig tydliga mål", "Jag får återkoppling på mitt arbete", "Jag litar på ledningens beslut"],
        ["Jag lär mig nytt i mitt arbete", "Jag ser en väg att utvecklas här", "Jag har tid för kompetensutveckling"],
        ["Vi hjälper varandra över avdelningsgränserna", "Jag kan säga vad jag tycker", "Jag rekommenderar företaget som arbetsplats"],
    ];

    private static Position[] BuildPositions()
    {
        var list = new List<Position> { new("sales", "Försäljningschef", 64000, 1m) };
        list.AddRange(Company.Salespeople.Select(s => new Position(s.Id, "Säljare", s.Team == "key_accounts" ? 52000 : 43000, 1m)));
        list.Add(new("growth", "Säljutvecklare (SDR)", 35000, 1m));
        list.Add(new("growth", "Säljutvecklare (SDR)", 35000, 1m, new DateOnly(2025, 2, 1)));
        list.Add(new("marketing", "Marknadschef", 60000, 1m));
        list.Add(new("marketing", "Marknadsförare", 44000, 1m));
        list.Add(new("marketing", "Webbredaktör", 41000, 0.8m));
        list.Add(new("marketing", "Marknadsförare", 44000, 1m));
        list.Add(new("customer_success", "Chef kundframgång", 54000, 1m));
        for (var i = 0; i < 4; i++) list.Add(new("customer_success", "Kundansvarig", 42000, 1m));
        list.Add(new("customer_success", "Supporttekniker", 38000, 0.5m));
        list.Add(new("delivery", "Teknikchef", 76000, 1m));
        for (var i = 0; i < 10; i++) list.Add(new("delivery", i < 7 ? "Utvecklare" : "Konsult", 54000, 1m));
        list.Add(new("delivery", "Utvecklare", 52000, 1m, new DateOnly(2024, 6, 1)));
        list.Add(new("delivery", "Utvecklare", 52000, 1m, new DateOnly(2025, 1, 1)));
        list.Add(new("delivery", "Utvecklare", 52000, 1m, new DateOnly(2024, 9, 1)));
        list.Add(new("delivery", "Konsult", 52000, 1m, new DateOnly(2025, 4, 1)));
        list.Add(new("delivery", "Testare", 46000, 0.8m));
        list.Add(new("admin", "VD", 88000, 1m));
        list.Add(new("admin", "Ekonomichef", 62000, 1m));
        list.Add(new("admin", "HR-ansvarig", 47000, 0.8m));
        list.Add(new("admin", "Ekonomiassistent", 36000, 1m));
        return [.. list];
    }

    public static IReadOnlyList<Employee> Hire(int seed)
    {
        var rng = new Rng(seed, RngStream.Staff);
        var people = new List<Employee>();
        var n = 0;
        foreach (var p in Positions)
        {
            var start = p.Opens ?? new DateOnly(rng.Between(2014, 2023), rng.Between(1, 12), 1);
            var salesperson = Company.Salespeople.FirstOrDefault(s => s.Id == p.Unit);
            while (start <= Company.LastDay)
            {
                DateOnly? end = null;
                if (salesperson is null)
                    for (var m = start < Company.FirstDay ? Company.FirstDay : new DateOnly(start.Year, start.Month, 1); m <= Company.LastDay; m = m.AddMonths(1))
                        if (m > start.AddMonths(5) && rng.Chance(0.01))
                        {
                            end = Company.MonthEnd(m);
                            break;
                        }
                var name = salesperson?.Name ?? Names.Person(rng);
                var salary = Math.Round(p.Salary * (decimal)rng.Uniform(0.92, 1.1) / 100) * 100;
                people.Add(new Employee(string.Create(CultureInfo.InvariantCulture, $"E{++n:D3}"), name, p.Unit, Books.Department(p.Unit), p.Role, start, end, p.Fte, salary));
                if (end is not { } e) break;
                start = new DateOnly(e.Year, e.Month, 1).AddMonths(rng.Between(2, 3));
            }
        }
        return people;
    }

    /// <summary>The share of a month's days an employee is employed.</summary>
    public static decimal Employed(Employee e, DateOnly month)
    {
        var last = Company.MonthEnd(month);
        var from = e.Start > month ? e.Start : month;
        var to = e.End is { } end && end < last ? end : last;
        if (to < from) return 0;
        return (decimal)(to.DayNumber - from.DayNumber + 1) / (last.DayNumber - month.DayNumber + 1);
    }

    public static void Write(int seed, string dir, IReadOnlyList<Employee> people, Books books, RunState run)
    {
        using (var csv = new CsvWriter(dir, SmbFiles.Staff, "employee_id", "name", "unit_id", "department", "role", "started_on", "ended_on", "fte", "monthly_salary"))
        {
            foreach (var e in people)
            {
                csv.Text(e.Id).Text(e.Name).Text(e.Unit).Text(e.Department).Text(e.Role).Date(e.Start);
                if (e.End is { } end) csv.Date(end); else csv.Empty();
                csv.Text(e.Fte.ToString("0.0#", CultureInfo.InvariantCulture)).Money(e.Salary).EndRow();
            }
            run.Done(csv);
        }
        using (var csv = new CsvWriter(dir, SmbFiles.StaffMonths, "employee_id", "unit_id", "month", "fte"))
        {
            foreach (var month in Company.Months(Company.LastDay))
            {
                var payroll = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var e in people)
                {
                    var share = Employed(e, month);
                    if (share == 0) continue;
                    csv.Text(e.Id).Text(e.Unit).Month(month.Year, month.Month)
                        .Text(Math.Round(e.Fte * share, 3).ToString("0.0##", CultureInfo.InvariantCulture)).EndRow();
                    // Yearly raise of 3 % in April.
                    var raises = month.Year - 2024 + (month.Month >= 4 ? 1 : 0) - 1;
                    var pay = Books.Round(e.Salary * e.Fte * share * (decimal)Math.Pow(1.03, Math.Max(0, raises)));
                    payroll[e.Unit] = payroll.GetValueOrDefault(e.Unit) + pay;
                }
                BookPayroll(books, month, payroll);
            }
            run.Done(csv);
        }
        WriteSurvey(seed, dir, people, run);
    }

    /// <summary>Salaries on the 25th (tax withheld 30 %), employer's fees 31.42 % and pension 4.5 %, taxes paid the 12th after.</summary>
    private static void BookPayroll(Books books, DateOnly month, SortedDictionary<string, decimal> payroll)
    {
        var payday = new DateOnly(month.Year, month.Month, 25);
        var salary = new List<Posting>();
        decimal gross = 0, fees = 0, pension = 0;
        foreach (var (unit, pay) in payroll)
        {
            var fee = Books.Round(pay * 0.3142m);
            var pens = Books.Round(pay * 0.045m);
            books.Cost(payday, unit, "personnel", "7210", unit == "growth" ? "outbound" : null, pay);
            books.Cost(payday, unit, "personnel", "7510", unit == "growth" ? "outbound" : null, fee);
            books.Cost(payday, unit, "personnel", "7410", unit == "growth" ? "outbound" : null, pens);
            salary.Add(new Posting("7210", pay, Books.Department(unit)));
            salary.Add(new Posting("7510", fee, Books.Department(unit)));
            salary.Add(new Posting("7410", pens, Books.Department(unit)));
            gross += pay; fees += fee; pension += pens;
        }
        var tax = Books.Round(gross * 0.30m);
        var merged = salary.GroupBy(p => (p.Account, p.CostCentre)).Select(g => new Posting(g.Key.Account, g.Sum(p => p.Amount), g.Key.CostCentre));
        books.Add("L", payday, $"Löner {month:yyyy-MM}",
            [.. merged, new Posting("2710", -tax), new Posting("2730", -fees), new Posting("1930", -(gross - tax + pension))]);
        books.Add("L", new DateOnly(month.Year, month.Month, 12).AddMonths(1), $"Skattekonto, löner {month:yyyy-MM}",
            new Posting("2710", tax), new Posting("2730", fees), new Posting("1930", -(tax + fees)));
    }

    private static void WriteSurvey(int seed, string dir, IReadOnlyList<Employee> people, RunState run)
    {
        var rng = new Rng(seed, RngStream.Engagement);
        var mood = new Dictionary<(string, int), double>();
        foreach (var d in Company.Departments)
            for (var a = 0; a < Company.EngagementAreas.Length; a++)
                mood[(d, a)] = rng.Uniform(3.3, 4.2);
        using var csv = new CsvWriter(dir, SmbFiles.Engagement, "round_on", "respondent_id", "unit_id", "area", "item", "score");
        for (var r = 0; r < SurveyRounds.Length; r++)
        {
            var day = SurveyRounds[r];
            var respondent = 0;
            foreach (var e in people.Where(e => e.EmployedOn(day)))
            {
                if (!rng.Chance(0.85)) continue;
                var id = string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMM}-{++respondent:D3}");
                var personal = rng.Normal(0, 0.4);
                for (var a = 0; a < Items.Length; a++)
                    foreach (var item in Items[a])
                    {
                        // Leadership improves after the new sales manager's first year; the rest drifts.
                        var trend = a == 0 ? 0.08 * r : 0.02 * r;
                        var score = Math.Clamp((int)Math.Round(mood[(e.Department, a)] + trend + personal + rng.Normal(0, 0.7)), 1, 5);
                        csv.Date(day).Text(id).Text(e.Department).Text(Company.EngagementAreas[a]).Text(item).Int(score).EndRow();
                    }
            }
        }
        run.Done(csv);
    }
}
