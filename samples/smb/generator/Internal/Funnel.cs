using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

internal sealed class Lead(LeadSource source)
{
    public LeadSource Source { get; } = source;
    public string Id { get; set; } = "";
    public string Segment { get; set; } = "";
    public string Region { get; set; } = "";
    public string Owner { get; set; } = "";
    public string ProductLine { get; set; } = "";
    public DateOnly? Mql { get; set; }
    public DateOnly? Sql { get; set; }
    public DateOnly? Won { get; set; }
    public DateOnly? Lost { get; set; }
    public Customer? Customer { get; set; }
}

internal sealed class Customer
{
    public string Id { get; set; } = "";
    public required string Name { get; init; }
    public required string Owner { get; init; }
    public required string Channel { get; init; }
    public required string Segment { get; init; }
    public required string Region { get; init; }
    public required string ProductLine { get; init; }
    public required DateOnly Acquired { get; init; }
    public DateOnly? Churned { get; set; }
    public string? CampaignId { get; init; }
    public required decimal MonthlyPrice { get; init; }

    public bool ActiveOn(DateOnly day) => Acquired <= day && (Churned is not { } c || day < c);
}

/// <summary>
/// Each lead's way through the funnel (lead → MQL → SQL → won or lost), with step rates by channel and a longer sales
/// cycle for large customers; a won lead becomes a customer on the day it is won. The customers of earlier years are
/// added, and every customer gets its churn date: small customers leave about four times as often as large ones.
/// </summary>
internal static class Funnel
{
    private static readonly Dictionary<string, (double Large, double Mql, double Sql, double Won)> Rates = new()
    {
        ["web"] = (0.12, 0.40, 0.35, 0.28),
        ["partner"] = (0.45, 0.75, 0.55, 0.38),
        ["outbound"] = (0.55, 0.45, 0.40, 0.24),
    };

    public static (List<Lead> Leads, List<Customer> Customers) Run(int seed, List<LeadSource> sources)
    {
        var rng = new Rng(seed, RngStream.Leads);
        var leads = new List<Lead>(sources.Count);
        var customers = new List<Customer>();
        var n = 0;
        foreach (var source in sources)
        {
            var (largeShare, mql, sql, won) = Rates[source.Channel];
            var lead = new Lead(source)
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"L{++n:D5}"),
                Segment = rng.Chance(largeShare) ? "large" : "small",
                Region = Company.Regions[rng.Pick(Company.Regions.Select(r => r.CustomerWeight).ToArray())].Id,
                ProductLine = Company.ProductLines[rng.Pick(Company.ProductLines.Select(p => p.Weight).ToArray())].Id,
            };
            lead.Owner = Company.OwnerFor(lead.Segment, lead.Region, rng).Id;
            // Marketing gets a little better at qualifying over the two years.
            var learning = 1 + 0.08 * (source.Created.DayNumber - Company.FirstDay.DayNumber) / 365.25;
            var large = lead.Segment == "large";
            var toMql = source.Created.AddDays(rng.Between(0, 5));
            var toSql = toMql.AddDays(rng.Between(2, 21));
            var decided = toSql.AddDays(large ? rng.Between(30, 120) : rng.Between(10, 45));
            var reachesMql = rng.Chance(Math.Min(0.95, mql * learning));
            var reachesSql = reachesMql && rng.Chance(sql);
            var wins = reachesSql && rng.Chance(won * (large ? 0.4 : 1));
            if (reachesMql && toMql <= Company.LastDay) lead.Mql = toMql;
            if (reachesSql && toSql <= Company.LastDay) lead.Sql = toSql;
            if (reachesSql && decided <= Company.LastDay)
            {
                if (wins) lead.Won = decided; else lead.Lost = decided;
            }
            if (lead.Won is { } day)
            {
                lead.Customer = NewCustomer(rng, lead.Owner, source.Channel, lead.Segment, lead.Region, lead.ProductLine, day, source.CampaignId);
                customers.Add(lead.Customer);
            }
            leads.Add(lead);
        }
        customers.AddRange(EarlierCustomers(seed));
        var churn = new Rng(seed, RngStream.Customers, 1);
        customers.Sort((a, b) => a.Acquired.CompareTo(b.Acquired) is var c && c != 0 ? c : string.CompareOrdinal(a.Name, b.Name));
        for (var i = 0; i < customers.Count; i++)
        {
            customers[i].Id = string.Create(CultureInfo.InvariantCulture, $"C{i + 1:D4}");
            customers[i].Churned = ChurnDate(churn, customers[i]);
        }
        return (leads, customers);
    }

    private static IEnumerable<Customer> EarlierCustomers(int seed)
    {
        var rng = new Rng(seed, RngStream.Customers);
        for (var i = 0; i < 262; i++)
        {
            var large = i % 4 == 0;
            var segment = large ? "large" : "small";
            var region = Company.Regions[rng.Pick(Company.Regions.Select(r => r.CustomerWeight).ToArray())].Id;
            var channel = Company.Channels[rng.Pick(large ? [0.2, 0.4, 0.4] : [0.45, 0.3, 0.25])];
            var acquired = new DateOnly(2017, 1, 1).AddDays(rng.NextInt(new DateOnly(2023, 12, 31).DayNumber - new DateOnly(2017, 1, 1).DayNumber));
            var product = Company.ProductLines[rng.Pick(Company.ProductLines.Select(p => p.Weight).ToArray())].Id;
            yield return NewCustomer(rng, Company.OwnerFor(segment, region, rng).Id, channel, segment, region, product, acquired, null);
        }
    }

    private static Customer NewCustomer(Rng rng, string owner, string channel, string segment, string region, string product, DateOnly acquired, string? campaign)
    {
        var line = Company.ProductLines[Company.ProductIndex(product)];
        var large = segment == "large";
        var list = large ? line.LargePrice : line.SmallPrice;
        // The list price rises 4 % a year; a customer keeps the price of the year it signed, indexed later.
        var price = list * Math.Pow(1.04, acquired.Year - 2024) * rng.LogNormal(1, large ? 0.35 : 0.25);
        return new Customer
        {
            Name = Names.Customer(rng, large), Owner = owner, Channel = channel, Segment = segment, Region = region, ProductLine = product,
            Acquired = acquired, CampaignId = campaign, MonthlyPrice = Math.Max(1500m, Math.Round((decimal)price / 100) * 100),
        };
    }

    /// <summary>A monthly risk of leaving after the first six months: small 2.1 %, large 0.7 %; partner customers stay longer.</summary>
    private static DateOnly? ChurnDate(Rng rng, Customer c)
    {
        var hazard = (c.Segment == "large" ? 0.007 : 0.021) * c.Channel switch { "partner" => 0.75, "web" => 1.15, _ => 1.0 };
        var first = c.Acquired.AddMonths(6);
        var from = first > Company.FirstDay ? new DateOnly(first.Year, first.Month, 1) : Company.FirstDay;
        for (var m = from; m <= Company.LastDay; m = m.AddMonths(1))
        {
            if (!rng.Chance(hazard)) continue;
            var day = m.AddDays(rng.NextInt(DateTime.DaysInMonth(m.Year, m.Month)));
            if (day > first && day <= Company.LastDay) return day;
        }
        return null;
    }
}
