namespace Styrkort.Samples.Almi.Internal;

/// <summary>The generator's independent random streams (<see cref="Rng"/>): adding draws to one concern leaves the others unchanged.</summary>
internal static class RngStream
{
    public const ulong
        Profile = 1,
        Name = 2,
        Financials = 3,
        Activity = 4,
        Ledger = 5,
        Costs = 6,
        Nps = 7,
        Engagement = 8,
        Kyc = 9,
        Targets = 10;
}
