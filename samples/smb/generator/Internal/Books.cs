namespace Styrkort.Samples.Smb.Internal;

/// <summary>A booked amount on one account (debit positive), with the department as cost centre where it has one.</summary>
internal sealed record Posting(string Account, decimal Amount, string? CostCentre = null);

internal sealed record Entry(string Series, DateOnly Date, string Text, Posting[] Postings);

/// <summary>One row of costs.csv: an operating cost of a unit in a month on a BAS account.</summary>
internal sealed record CostRow(DateOnly Month, string Unit, string Department, string Category, string Account, string? Channel, decimal Amount);

/// <summary>
/// The company's bookkeeping as it happens: every cost and every invoice becomes a voucher here, and every operating
/// cost also a row of costs.csv, so the SIE file and the CSV files agree by construction rather than by a later check.
/// </summary>
internal sealed class Books
{
    public const decimal Vat = 0.25m;
    private readonly Dictionary<(DateOnly Month, string Unit, string Account), CostRow> _costs = [];
    private readonly Dictionary<DateOnly, decimal> _payments = [];

    public List<Entry> Entries { get; } = [];

    public IEnumerable<CostRow> Costs => _costs.Values.OrderBy(c => c.Month).ThenBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Account, StringComparer.Ordinal);

    public void Add(string series, DateOnly date, string text, params Posting[] postings)
    {
        if (date > Company.LastDay) return;
        if (postings.Sum(p => p.Amount) != 0) throw new InvalidOperationException($"unbalanced voucher '{text}' of {date}");
        Entries.Add(new Entry(series, date, text, postings.Where(p => p.Amount != 0).ToArray()));
    }

    /// <summary>An operating cost as a row of costs.csv (summed per unit, month and account); the voucher is the caller's.</summary>
    public void Cost(DateOnly date, string unit, string category, string account, string? channel, decimal amount)
    {
        var month = new DateOnly(date.Year, date.Month, 1);
        var key = (month, unit, account);
        var department = Department(unit);
        _costs[key] = _costs.TryGetValue(key, out var row)
            ? row with { Amount = row.Amount + amount }
            : new CostRow(month, unit, department, category, account, channel, amount);
    }

    /// <summary>A cost paid from the bank account the same day, without VAT (rent, salaries' side costs, bank fees).</summary>
    public void BankCost(DateOnly date, string unit, string category, string account, string? channel, decimal amount, string text)
    {
        Cost(date, unit, category, account, channel, amount);
        Add("A", date, text, new Posting(account, amount, Department(unit)), new Posting("1930", -amount));
    }

    /// <summary>A supplier invoice with 25 % VAT, paid 30 days later.</summary>
    public void SupplierInvoice(DateOnly date, string account, decimal amount, string text, string? costCentre)
    {
        var vat = Round(amount * Vat);
        Add("D", date, text, new Posting(account, amount, costCentre), new Posting("2640", vat), new Posting("2440", -(amount + vat)));
        Add("E", date.AddDays(30), "Betalning: " + text, new Posting("2440", amount + vat), new Posting("1930", -(amount + vat)));
    }

    /// <summary>A customer invoice: receivable with 25 % VAT on the revenue account; the payment is collected per day.</summary>
    public void CustomerInvoice(DateOnly date, string number, string revenueAccount, decimal amount, DateOnly paidOn)
    {
        var vat = Round(amount * Vat);
        Add("B", date, "Kundfaktura " + number, new Posting("1510", amount + vat), new Posting(revenueAccount, -amount), new Posting("2611", -vat));
        if (paidOn <= Company.LastDay) _payments[paidOn] = _payments.GetValueOrDefault(paidOn) + amount + vat;
    }

    /// <summary>The customers' payments, one voucher per bank day, as a bank file import books them.</summary>
    public void BookPayments()
    {
        foreach (var (day, amount) in _payments.OrderBy(p => p.Key))
            Add("C", day, "Kundinbetalningar", new Posting("1930", amount), new Posting("1510", -amount));
    }

    public static string Department(string unit) => unit switch
    {
        "key_accounts" or "growth" => "sales",
        _ when Company.Salespeople.Any(s => s.Id == unit) => "sales",
        _ => unit == Company.Root ? "admin" : unit,
    };

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Kronor(double amount) => Math.Round((decimal)amount, 0, MidpointRounding.AwayFromZero);
}
