namespace Styrkort.Samples.Smb.Internal;

/// <summary>The file names of the sample, in the order of samples/smb/README.md.</summary>
internal static class SmbFiles
{
    public const string Units = "units.csv";
    public const string Regions = "regions.csv";
    public const string ProductLines = "product_lines.csv";
    public const string Channels = "channels.csv";
    public const string Staff = "staff.csv";
    public const string StaffMonths = "staff_months.csv";
    public const string Engagement = "engagement_responses.csv";
    public const string Campaigns = "campaigns.csv";
    public const string WebVisits = "web_visits.csv";
    public const string Leads = "leads.csv";
    public const string Customers = "customers.csv";
    public const string Invoices = "invoices.csv";
    public const string Nps = "nps_responses.csv";
    public const string Costs = "costs.csv";
    public const string MarketSize = "market_size.csv";
    public const string Budgets = "budgets.csv";
    public const string Activities = "activities.csv";
    public const string Sie = "nordvik.se";

    public static readonly string[] Csv =
    [
        Units, Regions, ProductLines, Channels, Staff, StaffMonths, Engagement, Campaigns, WebVisits, Leads, Customers,
        Invoices, Nps, Costs, MarketSize, Budgets, Activities,
    ];
}
