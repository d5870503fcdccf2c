namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// Chooses the customer (company and subsidiary) of each loan and effort. Customers are drawn from the
/// whole stock by index, favouring small companies; a share are repeat customers taken from a ring of
/// about a year's engagements, so memory stays O(a year's volume), not O(companies).
/// </summary>
internal sealed class CustomerPicker
{
    private const double RepeatShare = 0.25;
    private const int RecentCapacity = 16_384;

    // Repeats start once some history exists; otherwise the first customer would get every repeat.
    private const int RepeatAfter = 200;
    private const int UnitRecentCapacity = 512;

    // Acceptance per size class (0, 1–4, 5–9, 10–49, 50–249, 250+): the lender serves small companies.
    private static readonly double[] SizeWeight = [0.55, 1.0, 1.0, 0.7, 0.25, 0.03];

    private readonly SampleContext _ctx;
    private readonly Rng _rng;
    private readonly long[] _recent = new long[RecentCapacity];
    private int _recentCount, _recentNext;
    private readonly int[][] _unitRecent;
    private readonly int[] _unitRecentCount, _unitRecentNext;

    public CustomerPicker(SampleContext ctx, Rng rng)
    {
        _ctx = ctx;
        _rng = rng;
        int units = Catalogue.Subsidiaries.Length;
        _unitRecent = new int[units][];
        for (int u = 0; u < units; u++)
            _unitRecent[u] = new int[UnitRecentCapacity];
        _unitRecentCount = new int[units];
        _unitRecentNext = new int[units];
    }

    public (CompanyProfile Company, int Unit) Pick(int year)
    {
        if (_recentCount >= RepeatAfter && _rng.Chance(RepeatShare))
        {
            long packed = _recent[_rng.NextInt(_recentCount)];
            var repeat = CompanyProfile.For(_ctx, (int)(packed >> 8));
            if (repeat.ExistsIn(year))
                return (repeat, (int)(packed & 0xFF));
        }
        var company = DrawCompany(year);
        int unit = Catalogue.UnitOfCounty[company.County];
        if (_rng.Chance(Catalogue.NeighbourShare))
        {
            int[] neighbours = Catalogue.NeighboursOf[unit];
            unit = neighbours[_rng.NextInt(neighbours.Length)];
        }
        return (company, unit);
    }

    public void Remember(int company, int unit)
    {
        _recent[_recentNext] = ((long)company << 8) | (uint)unit;
        _recentNext = (_recentNext + 1) % RecentCapacity;
        _recentCount = Math.Min(_recentCount + 1, RecentCapacity);
        _unitRecent[unit][_unitRecentNext[unit]] = company;
        _unitRecentNext[unit] = (_unitRecentNext[unit] + 1) % UnitRecentCapacity;
        _unitRecentCount[unit] = Math.Min(_unitRecentCount[unit] + 1, UnitRecentCapacity);
    }

    /// <summary>A recent customer of the subsidiary, or a company of its regions when it has none yet.</summary>
    public int RecentCustomerOf(int unit)
    {
        if (_unitRecentCount[unit] > 0)
            return _unitRecent[unit][_rng.NextInt(_unitRecentCount[unit])];
        for (int attempt = 0; attempt < 50_000; attempt++)
        {
            int index = _rng.NextInt(_ctx.Companies);
            if (Catalogue.UnitOfCounty[CompanyProfile.For(_ctx, index).County] == unit)
                return index;
        }
        return _rng.NextInt(_ctx.Companies);
    }

    private CompanyProfile DrawCompany(int year)
    {
        CompanyProfile candidate = default;
        // Bounded so that a tiny stock whose companies all start later still terminates.
        for (int attempt = 0; attempt < 1_000; attempt++)
        {
            candidate = CompanyProfile.For(_ctx, _rng.NextInt(_ctx.Companies));
            if (candidate.ExistsIn(year) && _rng.Chance(SizeWeight[candidate.SizeClass]))
                return candidate;
        }
        return candidate;
    }
}
