using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

internal sealed record Invoice(DateOnly Date, Customer Customer, string Kind, decimal Amount, decimal Cost, DateOnly PaidOn);

/// <summary>What was sold per salesperson and month, for the budgets that follow it.</summary>
internal sealed class Actuals
{
    public Dictionary<(string Unit, DateOnly Month), decimal> Revenue { get; } = [];
    public Dictionary<(string Unit, DateOnly Month), decimal> NewCustomers { get; } = [];
    public Dictionary<(string Unit, DateOnly Month), decimal> Meetings { get; } = [];

    public static void Add(Dictionary<(string, DateOnly), decimal> into, string unit, DateOnly day, decimal amount)
    {
        var key = (unit, new DateOnly(day.Year, day.Month, 1));
        into[key] = into.GetValueOrDefault(key) + amount;
    }
}

/// <summary>
/// Invoices while a customer is one: the subscription monthly in advance (the first month from the day it signed), an
/// implementation project over its first months, extra services and training now and then — fewer in July, more in
/// December. Each invoice is booked with its cost of goods, and paid about 30 days later.
/// </summary>
internal static class Billing
{
    private static readonly Dictionary<string, (string Revenue, string Cost, double CostShare)> Accounts = new()
    {
        ["subscription"] = ("3011", "4010", 0.14),
        ["services"] = ("3041", "4600", 0.30),
        ["training"] = ("3042", "4610", 0.35),
    };

    public static void Write(int seed, IReadOnlyList<Customer> customers, Books books, Actuals actuals, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Invoices);
        var invoices = new List<Invoice>();
        foreach (var c in customers)
        {
            var large = c.Segment == "large";
            foreach (var month in Company.Months(Company.LastDay))
            {
                var end = Company.MonthEnd(month);
                if (c.Acquired > end || c.Churned is { } ch && ch <= month) continue;
                var index = (decimal)Math.Pow(1.04, Math.Max(0, month.Year - Math.Max(2024, c.Acquired.Year)));
                var price = c.MonthlyPrice * index;
                if (c.Acquired > month)
                {
                    var days = end.DayNumber - c.Acquired.DayNumber + 1;
                    Add(c, c.Acquired, "subscription", (double)(price * days / DateTime.DaysInMonth(month.Year, month.Month)));
                }
                else Add(c, month, "subscription", (double)price);
                var season = Company.Season(month.Month);
                var monthsIn = (month.Year - c.Acquired.Year) * 12 + month.Month - c.Acquired.Month;
                if (monthsIn is >= 0 and < 3 && c.Acquired >= Company.FirstDay.AddMonths(-3))
                    Add(c, Day(month, 28, c), "services", (large ? rng.Uniform(25_000, 80_000) : rng.Uniform(5_000, 15_000)));
                else if (rng.Chance((large ? 0.12 : 0.02) * season))
                    Add(c, Day(month, 28, c), "services", large ? rng.Uniform(20_000, 120_000) : rng.Uniform(5_000, 20_000));
                if (month.Month != 7 && rng.Chance((large ? 0.06 : 0.03) * season))
                    Add(c, Day(month, rng.Between(5, 25), c), "training", large ? rng.Uniform(15_000, 60_000) : rng.Uniform(4_000, 12_000));
            }
        }
        invoices.Sort((a, b) => a.Date.CompareTo(b.Date) is var d && d != 0 ? d : string.CompareOrdinal(a.Customer.Id, b.Customer.Id) is var e && e != 0 ? e : string.CompareOrdinal(a.Kind, b.Kind));

        using var csv = new CsvWriter(dir, SmbFiles.Invoices,
            "invoice_id", "customer_id", "owner_id", "invoiced_on", "product_line", "kind", "amount", "cost_of_goods", "paid_on", "campaign_id");
        var n = 0;
        var cogs = new SortedDictionary<(DateOnly, string), decimal>();
        var commission = new SortedDictionary<DateOnly, decimal>();
        foreach (var i in invoices)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"{10001 + n++}");
            csv.Text(number).Text(i.Customer.Id).Text(i.Customer.Owner).Date(i.Date).Text(i.Customer.ProductLine).Text(i.Kind)
                .Money(i.Amount).Money(i.Cost);
            if (i.PaidOn <= Company.LastDay) csv.Date(i.PaidOn); else csv.Empty();
            // The customer's campaign on each invoice, so that a campaign's return is one step from its invoices.
            csv.Text(i.Customer.CampaignId).EndRow();
            books.CustomerInvoice(i.Date, number, Accounts[i.Kind].Revenue, i.Amount, i.PaidOn);
            var month = new DateOnly(i.Date.Year, i.Date.Month, 1);
            // The field-service app's subscriptions include a device, taken from stock.
            var kind = i.Kind == "subscription" && i.Customer.ProductLine == "falt" ? "devices" : i.Kind;
            cogs[(month, kind)] = cogs.GetValueOrDefault((month, kind)) + i.Cost;
            if (i.Customer.Channel == "partner" && i.Kind == "subscription") commission[month] = commission.GetValueOrDefault(month) + i.Amount;
            Actuals.Add(actuals.Revenue, i.Customer.Owner, i.Date, i.Amount);
        }
        run.Done(csv);
        books.BookPayments();
        var stock = SieBook.OpeningStock;
        foreach (var ((month, kind), cost) in cogs)
        {
            var end = Company.MonthEnd(month);
            var text = string.Create(CultureInfo.InvariantCulture, $"{month.Year}-{month.Month:D2}");
            if (kind != "devices")
            {
                books.SupplierInvoice(end, Accounts[kind].Cost, cost, $"Inköp {kind} {text}", null);
                continue;
            }
            books.Add("A", end, "Förbrukade enheter " + text, new Posting(Accounts["subscription"].Cost, cost), new Posting("1460", -cost));
            // Restocking keeps the stock near 400 000 kr, in uneven batches.
            var restock = Math.Max(0, Books.Round(cost * (decimal)rng.Uniform(0.8, 1.2) + 0.3m * (400_000m - stock + cost)));
            books.SupplierInvoice(end.AddDays(-10), "1460", restock, "Inköp enheter " + text, null);
            stock += restock - cost;
        }
        // Partners get 12 % of their customers' subscriptions: a sales cost of the partner channel.
        foreach (var (month, revenue) in commission)
        {
            var fee = Books.Round(revenue * 0.12m);
            books.Cost(Company.MonthEnd(month), "sales", "commission", "6050", "partner", fee);
            books.SupplierInvoice(Company.MonthEnd(month), "6050", fee, $"Partnerprovision {month.Year}-{month.Month:D2}", "sales");
        }

        void Add(Customer c, DateOnly date, string kind, double value)
        {
            var amount = Books.Round((decimal)value);
            var cost = Books.Round(amount * (decimal)(Accounts[kind].CostShare * rng.Uniform(0.85, 1.15)));
            var late = rng.NextDouble();
            var paid = date.AddDays(30 + (late < 0.8 ? rng.Between(-3, 3) : late < 0.95 ? rng.Between(5, 30) : rng.Between(30, 75)));
            invoices.Add(new Invoice(date, c, kind, amount, cost, paid));
        }
    }

    private static DateOnly Day(DateOnly month, int day, Customer c)
    {
        var date = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
        if (date < c.Acquired) date = c.Acquired;
        if (c.Churned is { } churned && date >= churned) date = churned.AddDays(-1);
        return date;
    }
}
