using System.Globalization;

namespace Styrkort.Samples.Smb.Internal;

internal sealed record Campaign(string Id, string Name, string Channel, string Kind, DateOnly Start, DateOnly End, decimal Cost)
{
    public bool Runs(DateOnly day) => Start <= day && day <= End;
}

/// <summary>A lead as it arrives: where it came from. Its way through the funnel is drawn in <see cref="Funnel"/>.</summary>
internal sealed record LeadSource(DateOnly Created, string Channel, string? Page, string? CampaignId);

/// <summary>
/// Campaigns (two to four a month, their cost booked as a supplier invoice when they start), the web site's visits
/// per day, page and traffic source with the form fills they convert into, and the leads of the three channels: web
/// leads are exactly the web conversions, partner leads come with partners' events, outbound leads with the SDRs'
/// calls.
/// </summary>
internal static class Marketing
{
    private static readonly (string Page, double Weight, double Rate)[] Pages =
    [
        ("start", 0.30, 0.004), ("produkt", 0.22, 0.008), ("priser", 0.10, 0.025), ("blogg", 0.25, 0.002),
        ("demo", 0.05, 0.06), ("kontakt", 0.08, 0.05),
    ];

    private static readonly (string Source, double Weight)[] Sources =
        [("organic", 0.38), ("paid", 0.18), ("social", 0.12), ("referral", 0.08), ("direct", 0.19), ("email", 0.05)];

    private static readonly Dictionary<string, (string[] Kinds, int Min, int Max, string Account)> CampaignKinds = new()
    {
        ["web"] = (["Google Ads", "LinkedIn-annonser", "Webbinarium", "Innehållskampanj"], 20_000, 90_000, "5910"),
        ["partner"] = (["Partnerevent", "Mässa"], 40_000, 150_000, "5940"),
        ["outbound"] = (["ABM-kampanj", "Direktreklam"], 15_000, 60_000, "5930"),
    };

    public static IReadOnlyList<Campaign> Plan(int seed, Books books, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Campaigns);
        var campaigns = new List<Campaign>();
        foreach (var month in Company.Months(Company.LastDay))
        {
            var count = month.Month == 7 ? 1 : rng.Between(2, 4);
            for (var i = 1; i <= count; i++)
            {
                var channel = Company.Channels[rng.Pick([0.55, 0.2, 0.25])];
                var (kinds, min, max, _) = CampaignKinds[channel];
                var kind = kinds[rng.NextInt(kinds.Length)];
                var start = month.AddDays(rng.NextInt(DateTime.DaysInMonth(month.Year, month.Month)));
                var cost = Math.Round((decimal)rng.Uniform(min, max) / 500) * 500;
                var id = string.Create(CultureInfo.InvariantCulture, $"K{month.Year % 100:D2}{month.Month:D2}-{i}");
                campaigns.Add(new Campaign(id, string.Create(CultureInfo.InvariantCulture, $"{kind} {SwedishMonths[month.Month - 1]} {month.Year}"), channel, kind, start, start.AddDays(rng.Between(14, 60)), cost));
            }
        }
        campaigns.Sort((a, b) => a.Start.CompareTo(b.Start) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        using var csv = new CsvWriter(dir, SmbFiles.Campaigns, "campaign_id", "name", "channel", "kind", "unit_id", "started_on", "ended_on", "cost");
        foreach (var c in campaigns)
        {
            csv.Text(c.Id).Text(c.Name).Text(c.Channel).Text(c.Kind).Text("marketing").Date(c.Start).Date(c.End).Money(c.Cost).EndRow();
            var account = CampaignKinds[c.Channel].Account;
            books.Cost(c.Start, "marketing", "campaigns", account, c.Channel, c.Cost);
            books.SupplierInvoice(c.Start, account, c.Cost, "Kampanj " + c.Id, "marketing");
        }
        run.Done(csv);
        return campaigns;
    }

    /// <summary>Writes the visits and returns every lead of the three channels, in the order they arrived.</summary>
    public static List<LeadSource> Visits(int seed, IReadOnlyList<Campaign> campaigns, IReadOnlyList<Employee> people, string dir, RunState run)
    {
        var rng = new Rng(seed, RngStream.Web);
        var leads = new List<LeadSource>();
        using var csv = new CsvWriter(dir, SmbFiles.WebVisits, "visited_on", "page", "source", "unit_id", "visits", "conversions");
        for (var day = Company.FirstDay; day <= Company.LastDay; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var growth = Math.Pow(1.15, (day.DayNumber - Company.FirstDay.DayNumber) / 365.25);
            var season = Company.Season(day.Month);
            var running = campaigns.Where(c => c.Runs(day)).ToList();
            var paidBoost = 1 + running.Count(c => c.Channel == "web") * 0.6;
            var total = (weekend ? 110 : 320) * growth * (0.6 + 0.4 * season);
            foreach (var (page, pageWeight, rate) in Pages)
                foreach (var (source, sourceWeight) in Sources)
                {
                    var boost = source == "paid" ? paidBoost : 1;
                    var visits = rng.Count(total * pageWeight * sourceWeight * boost);
                    var conversions = Math.Min(visits, rng.Count(visits * rate * (source == "paid" ? 1.2 : 1)));
                    csv.Date(day).Text(page).Text(source).Text("marketing").Int(visits).Int(conversions).EndRow();
                    for (var i = 0; i < conversions; i++)
                    {
                        var webCampaigns = running.Where(c => c.Channel == "web").ToList();
                        var campaign = source is "paid" or "social" or "email" && webCampaigns.Count > 0 ? webCampaigns[rng.NextInt(webCampaigns.Count)].Id : null;
                        leads.Add(new LeadSource(day, "web", page, campaign));
                    }
                }
            var partnerCampaign = running.FirstOrDefault(c => c.Channel == "partner");
            for (var i = rng.Count(0.45 * season * (partnerCampaign is null ? 1 : 1.8)); i > 0; i--)
                leads.Add(new LeadSource(day, "partner", null, partnerCampaign is not null && rng.Chance(0.6) ? partnerCampaign.Id : null));
            if (!weekend)
            {
                var sdrs = people.Count(e => e.Unit == "growth" && e.EmployedOn(day));
                var outboundCampaign = running.FirstOrDefault(c => c.Channel == "outbound");
                for (var i = rng.Count(1.1 * sdrs * season); i > 0; i--)
                    leads.Add(new LeadSource(day, "outbound", null, outboundCampaign is not null && rng.Chance(0.5) ? outboundCampaign.Id : null));
            }
        }
        run.Done(csv);
        return leads;
    }

    private static readonly string[] SwedishMonths =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
}
