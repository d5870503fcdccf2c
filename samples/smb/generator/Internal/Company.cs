namespace Styrkort.Samples.Smb.Internal;

internal sealed record Unit(string Id, string Name, string? Parent, string Kind);

/// <summary>A salesperson is a unit of its own, so that goals and budgets can be per person and per team.</summary>
internal sealed record Salesperson(string Id, string Name, string Team, string Segment, string[] Regions, double Pace);

internal sealed record Region(string Id, string Name, double CustomerWeight, double MarketWeight);

/// <summary>A product line and its monthly subscription list price per segment (SEK, 2024).</summary>
internal sealed record ProductLine(string Id, string Name, double Weight, double SmallPrice, double LargePrice, double MarketMsek);

/// <summary>
/// The fixed shape of the sample company: its unit tree, territories, products and the codes every file shares. What
/// varies with the seed is what happens inside it.
/// </summary>
internal static class Company
{
    public const string Name = "Nordvik Analys AB";
    public const string OrgNr = "556912-3457";
    public const string Root = "nordvik";
    public const string Sni = "62010";

    public static readonly DateOnly FirstDay = new(2024, 1, 1);
    public static readonly DateOnly LastDay = new(2026, 3, 31);

    /// <summary>Budgets run to the end of the last fiscal year, so a year's budget is complete.</summary>
    public static readonly DateOnly BudgetEnd = new(2026, 12, 31);

    public static readonly string[] Departments = ["sales", "marketing", "customer_success", "delivery", "admin"];

    public static readonly Unit[] Units =
    [
        new(Root, Name, null, "company"),
        new("sales", "Försäljning", Root, "department"),
        new("marketing", "Marknad", Root, "department"),
        new("customer_success", "Kundframgång", Root, "department"),
        new("delivery", "Produkt och leverans", Root, "department"),
        new("admin", "Administration", Root, "department"),
        new("key_accounts", "Team Storkund", "sales", "team"),
        new("growth", "Team Tillväxt", "sales", "team"),
        new("anna_lindqvist", "Anna Lindqvist", "key_accounts", "salesperson"),
        new("johan_berg", "Johan Berg", "key_accounts", "salesperson"),
        new("maria_ek", "Maria Ek", "key_accounts", "salesperson"),
        new("erik_sandberg", "Erik Sandberg", "growth", "salesperson"),
        new("sara_holm", "Sara Holm", "growth", "salesperson"),
        new("oskar_nystrom", "Oskar Nyström", "growth", "salesperson"),
        new("linnea_aberg", "Linnea Åberg", "growth", "salesperson"),
    ];

    public static readonly Salesperson[] Salespeople =
    [
        new("anna_lindqvist", "Anna Lindqvist", "key_accounts", "large", ["stockholm"], 1.1),
        new("johan_berg", "Johan Berg", "key_accounts", "large", ["vast", "norr"], 0.9),
        new("maria_ek", "Maria Ek", "key_accounts", "large", ["syd", "ost"], 1.0),
        new("erik_sandberg", "Erik Sandberg", "growth", "small", ["stockholm"], 1.15),
        new("sara_holm", "Sara Holm", "growth", "small", ["stockholm", "ost"], 0.95),
        new("oskar_nystrom", "Oskar Nyström", "growth", "small", ["vast", "norr"], 1.0),
        new("linnea_aberg", "Linnea Åberg", "growth", "small", ["syd"], 0.9),
    ];

    public static readonly string[] Teams = ["key_accounts", "growth"];

    public static readonly Region[] Regions =
    [
        new("stockholm", "Stockholm", 0.42, 0.38),
        new("ost", "Östra Mellansverige", 0.14, 0.16),
        new("vast", "Västsverige", 0.22, 0.21),
        new("syd", "Sydsverige", 0.15, 0.15),
        new("norr", "Norra Sverige", 0.07, 0.10),
    ];

    public static readonly ProductLine[] ProductLines =
    [
        new("insikt", "Insikt – analysplattform", 0.5, 4900, 22000, 380),
        new("koppla", "Koppla – integrationsplattform", 0.3, 6500, 28000, 300),
        new("falt", "Fält – fältserviceapp", 0.2, 3900, 18000, 210),
    ];

    public static readonly string[] Channels = ["web", "partner", "outbound"];
    public static readonly string[] Segments = ["small", "large"];
    public static readonly string[] InvoiceKinds = ["subscription", "services", "training"];
    public static readonly string[] Touchpoints = ["after_purchase", "after_support"];
    public static readonly string[] EngagementAreas = ["leadership", "development", "culture"];

    public static Salesperson OwnerFor(string segment, string region, Rng rng)
    {
        var candidates = Salespeople.Where(s => s.Segment == segment && s.Regions.Contains(region)).ToArray();
        return candidates[rng.NextInt(candidates.Length)];
    }

    public static int RegionIndex(string id) => Array.FindIndex(Regions, r => r.Id == id);

    public static int ProductIndex(string id) => Array.FindIndex(ProductLines, p => p.Id == id);

    /// <summary>How busy a month is for sales and services: the Swedish summer dip and the December rush.</summary>
    public static double Season(int month) => month switch
    {
        1 => 0.9, 2 => 1.0, 3 => 1.1, 4 => 1.0, 5 => 1.05, 6 => 0.95, 7 => 0.35, 8 => 0.8, 9 => 1.15, 10 => 1.1, 11 => 1.1, 12 => 1.2,
        _ => 1.0,
    };

    /// <summary>Every month from the first day to <paramref name="last"/>, as the first day of each.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly last)
    {
        for (var m = FirstDay; m <= last; m = m.AddMonths(1)) yield return m;
    }

    public static DateOnly MonthEnd(DateOnly month) => month.AddMonths(1).AddDays(-1);
}
