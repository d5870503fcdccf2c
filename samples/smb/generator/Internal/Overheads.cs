namespace Styrkort.Samples.Smb.Internal;

/// <summary>
/// The running costs besides salaries, campaigns and commissions: premises, software, travel, representation, advisers,
/// telephony, insurance, bank fees and depreciation, each booked on its BAS account and department.
/// </summary>
internal static class Overheads
{
    public static void Book(int seed, Books books, IReadOnlyList<Employee> people)
    {
        var rng = new Rng(seed, RngStream.Costs);
        foreach (var month in Company.Months(Company.LastDay))
        {
            var season = Company.Season(month.Month);
            var end = Company.MonthEnd(month);
            books.BankCost(month, "admin", "premises", "5010", null, 138_000m, "Hyra kontor");
            foreach (var department in Company.Departments)
            {
                var heads = people.Where(e => Books.Department(e.Unit) == department).Sum(e => Staff.Employed(e, month) * e.Fte);
                var tools = Books.Round(heads * 1_450m + (department == "marketing" ? 26_000m : department == "delivery" ? 18_000m : 0));
                books.BankCost(month.AddDays(2), department, "tools", "5420", null, tools, "Programvarulicenser");
            }
            books.BankCost(end.AddDays(-3), "sales", "travel", "5800", null, Books.Kronor(24_000 * season * rng.Uniform(0.7, 1.3)), "Resor sälj");
            books.BankCost(end.AddDays(-3), "customer_success", "travel", "5800", null, Books.Kronor(7_000 * rng.Uniform(0.6, 1.4)), "Resor kundbesök");
            books.BankCost(end.AddDays(-5), "sales", "travel", "6071", null, Books.Kronor(5_500 * season * rng.Uniform(0.5, 1.5)), "Representation");
            books.BankCost(end, "admin", "other", "6530", null, 12_500m, "Redovisning och revision");
            books.BankCost(end, "admin", "other", "6212", null, Books.Kronor(9_000 * rng.Uniform(0.9, 1.1)), "Telefoni");
            books.BankCost(end, "admin", "other", "6570", null, 950m, "Bankavgifter");
            if (month.Month % 3 == 1) books.BankCost(month.AddDays(14), "admin", "other", "6310", null, 12_600m, "Företagsförsäkring");
            books.Cost(end, "admin", "depreciation", "7832", null, 21_500m);
            books.Add("A", end, "Avskrivning inventarier", new Posting("7832", 21_500m, "admin"), new Posting("1229", -21_500m));
            if (month.Month % 3 == 0) books.Add("A", end, "Ränta bankkonto", new Posting("1930", 11_800m), new Posting("8310", -11_800m));
        }
    }
}
