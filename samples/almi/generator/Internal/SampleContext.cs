using System.Globalization;

namespace Styrkort.Samples.Almi.Internal;

/// <summary>The validated options and the calendar every writer shares.</summary>
internal sealed class SampleContext
{
    /// <summary>The largest company count whose org numbers stay unique (seven free digits).</summary>
    public const int MaxCompanies = 10_000_000;

    /// <summary>The lender's own volumes do not grow with the company stock beyond this count.</summary>
    public const int FullVolumeCompanies = 20_000;

    private SampleContext(AlmiSampleOptions options, int lastYear, int lastMonth)
    {
        Seed = options.Seed;
        Companies = options.Companies;
        FirstYear = options.FirstYear;
        LastYear = lastYear;
        LastMonth = lastMonth;
        FirstDay = new DateOnly(FirstYear, 1, 1);
        LastDay = new DateOnly(lastYear, lastMonth, DateTime.DaysInMonth(lastYear, lastMonth));
        VolumeScale = Math.Min(1.0, (double)Companies / FullVolumeCompanies);
        OrgOffset = OrgNr.OffsetFor(Seed);
        Stats = new UnitYearStats(Catalogue.Subsidiaries.Length, FirstYear, LastYear);
    }

    public int Seed { get; }
    public int Companies { get; }
    public int FirstYear { get; }

    /// <summary>The year of the last month with activity.</summary>
    public int LastYear { get; }

    /// <summary>The last month (1–12) of <see cref="LastYear"/> with activity.</summary>
    public int LastMonth { get; }

    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }

    /// <summary>Fiscal years run from <see cref="FirstYear"/> to the year before the last activity.</summary>
    public int LastFiscalYear => LastYear - 1;

    /// <summary>Below 20 000 companies the lender's volumes shrink in proportion, so small runs stay plausible.</summary>
    public double VolumeScale { get; }

    public int MonthCount => (LastYear - FirstYear) * 12 + LastMonth;

    public UnitYearStats Stats { get; }

    /// <summary>The seed's offset in the org number permutation, see <see cref="OrgNr"/>.</summary>
    public long OrgOffset { get; }

    public int MonthsIn(int year) => year == LastYear ? LastMonth : 12;

    public static SampleContext Create(AlmiSampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Companies is < 1 or > MaxCompanies)
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Companies, $"Companies must be between 1 and {MaxCompanies}.");
        if (options.FirstYear is < 1900 or > 9000)
            throw new ArgumentOutOfRangeException(nameof(options), options.FirstYear, "FirstYear must be between 1900 and 9000.");
        if (options.LastMonth is not { Length: 7 }
            || !DateOnly.TryParseExact(options.LastMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var last))
            throw new ArgumentException($"LastMonth must be a month written like 2026-09, not '{options.LastMonth}'.", nameof(options));
        if (last.Year < options.FirstYear + 1)
            throw new ArgumentException(
                $"LastMonth {options.LastMonth} must lie in a year after FirstYear {options.FirstYear}, so that a fiscal year exists.",
                nameof(options));
        return new SampleContext(options, last.Year, last.Month);
    }
}

/// <summary>What the generated activity amounts to per subsidiary and year; the board levels are set from it.</summary>
internal sealed class UnitYearStats
{
    private readonly int _firstYear, _years;

    public UnitYearStats(int units, int firstYear, int lastYear)
    {
        _firstYear = firstYear;
        _years = lastYear - firstYear + 1;
        int n = units * _years;
        LoanAmount = new decimal[n];
        Loans = new long[n];
        CompletedEfforts = new long[n];
        OperatingCost = new decimal[n];
        NpsPromoters = new long[n];
        NpsDetractors = new long[n];
        NpsResponses = new long[n];
        EngagementIndexSum = new double[n];
        EngagementRespondents = new long[n];
    }

    public decimal[] LoanAmount { get; }
    public long[] Loans { get; }
    public long[] CompletedEfforts { get; }
    public decimal[] OperatingCost { get; }
    public long[] NpsPromoters { get; }
    public long[] NpsDetractors { get; }
    public long[] NpsResponses { get; }
    public double[] EngagementIndexSum { get; }
    public long[] EngagementRespondents { get; }

    public int At(int unit, int year) => unit * _years + (year - _firstYear);
}
