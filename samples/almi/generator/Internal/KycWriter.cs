namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// The (company, subsidiary) relations engaged since a cut-off date, with their first and last engagement.
/// Bounded by a few years of the lender's volume, not by the company stock.
/// </summary>
internal sealed class RelationBook(DateOnly trackFrom)
{
    private readonly Dictionary<long, (DateOnly First, DateOnly Last)> _relations = [];

    public void Record(int company, int unit, DateOnly date)
    {
        if (date < trackFrom)
            return;
        long key = Key(company, unit);
        _relations[key] = _relations.TryGetValue(key, out var known)
            ? (known.First, date > known.Last ? date : known.Last)
            : (date, date);
    }

    /// <summary>Relations ordered by subsidiary, then company, so the output does not depend on hashing.</summary>
    public List<(long Key, DateOnly First, DateOnly Last)> Ordered()
    {
        var list = _relations.Select(r => (r.Key, r.Value.First, r.Value.Last)).ToList();
        list.Sort((a, b) =>
        {
            int byUnit = Unit(a.Key).CompareTo(Unit(b.Key));
            return byUnit != 0 ? byUnit : Company(a.Key).CompareTo(Company(b.Key));
        });
        return list;
    }

    public static long Key(int company, int unit) => ((long)company << 8) | (uint)unit;

    public static int Company(long key) => (int)(key >> 8);

    public static int Unit(long key) => (int)(key & 0xFF);
}

/// <summary>
/// Quarterly KYC snapshots from the year before the last year onward. About 85 % of relations are active;
/// most subsidiaries know all their active customers, a few only 95–99 % of them.
/// </summary>
internal static class KycWriter
{
    private const int IncompleteUnits = 4;

    public static void Write(SampleContext ctx, string directory, RelationBook book, RunState run)
    {
        var rng = new Rng(ctx.Seed, RngStream.Kyc);
        var completeness = Enumerable.Repeat(1.0, Catalogue.Subsidiaries.Length).ToArray();
        for (int picked = 0; picked < IncompleteUnits;)
        {
            int u = rng.NextInt(completeness.Length);
            if (completeness[u] < 1)
                continue;
            completeness[u] = rng.Uniform(0.95, 0.99);
            picked++;
        }

        var relations = book.Ordered();
        using var csv = new CsvWriter(directory, Files.KycSnapshots,
            "snapshot_on", "org_nr", "unit_id", "relation_active", "kyc_complete");
        Span<char> orgNr = stackalloc char[11];
        int snapshot = 0;
        for (var quarterEnd = new DateOnly(ctx.LastYear - 1, 3, 31); quarterEnd <= ctx.LastDay;
             quarterEnd = new DateOnly(quarterEnd.Year, quarterEnd.Month, 1).AddMonths(4).AddDays(-1), snapshot++)
        {
            foreach (var (key, first, last) in relations)
            {
                if (first > quarterEnd)
                    continue;
                int unit = RelationBook.Unit(key);
                double stable = Rng.Hash01(ctx.Seed, RngStream.Kyc, key, -1);
                double now = Rng.Hash01(ctx.Seed, RngStream.Kyc, key, snapshot);
                bool active = Active(stable, quarterEnd, last);
                bool complete = active
                    ? completeness[unit] >= 1 || now < completeness[unit]
                    : now < 0.9;
                OrgNr.Format(ctx, RelationBook.Company(key), orgNr);
                csv.Date(quarterEnd).Chars(orgNr).Text(Catalogue.Subsidiaries[unit].Id)
                    .Bool(active).Bool(complete).EndRow();
            }
        }
        run.Rows(csv);
        run.Advance(Files.KycSnapshots, 1);
    }

    /// <summary>A relation that goes on after the snapshot is nearly always active; an old one often ended.</summary>
    private static bool Active(double stable, DateOnly snapshot, DateOnly last)
    {
        if (last > snapshot)
            return stable < 0.97;
        int daysSince = snapshot.DayNumber - last.DayNumber;
        return daysSince <= 365 ? stable < 0.90 : stable < 0.65;
    }
}
