namespace Styrkort.Samples.Smb.Internal;

/// <summary>The generator's independent random streams (<see cref="Rng"/>): adding draws to one concern leaves the others unchanged.</summary>
internal static class RngStream
{
    public const ulong
        Staff = 1,
        Engagement = 2,
        Campaigns = 3,
        Web = 4,
        Leads = 5,
        Customers = 6,
        Invoices = 7,
        Payments = 8,
        Nps = 9,
        Costs = 10,
        Activities = 11,
        Budgets = 12,
        Market = 13;
}
