namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// The attributes of company number <c>Index</c>, recomputed from (seed, index) whenever needed, so no
/// list of companies is ever held: loans, efforts and surveys draw an index and ask for its profile.
/// </summary>
internal readonly record struct CompanyProfile(
    int Index, int County, string? Gender, bool? ForeignBackground, int SizeClass, int StartYear, int EndYear, int GapYear)
{
    /// <summary>Employee classes 0, 1–4, 5–9, 10–49, 50–249 and 250+.</summary>
    public const int SizeClasses = 6;

    private static readonly double[] EstablishedSizes = [0.45, 0.28, 0.11, 0.11, 0.04, 0.01];
    private static readonly double[] NewSizes = [0.70, 0.27, 0.03, 0, 0, 0];

    public bool ExistsIn(int year) => StartYear <= year && year <= EndYear;

    public int FirstRowYear(SampleContext ctx) => Math.Max(ctx.FirstYear, StartYear);

    public int LastRowYear(SampleContext ctx) => Math.Min(ctx.LastFiscalYear, EndYear);

    public static CompanyProfile For(SampleContext ctx, int index)
    {
        var rng = new Rng(ctx.Seed, RngStream.Profile, index);
        int county = rng.Pick(Catalogue.CountyWeights);
        double g = rng.NextDouble();
        string? gender = g < 0.28 ? "F" : g < 0.95 ? "M" : null;
        double f = rng.NextDouble();
        bool? foreign = f < 0.28 ? true : f < 0.95 ? false : null;

        bool isNew = rng.Chance(0.18);
        int startYear = isNew
            ? rng.Between(ctx.FirstYear + 1, ctx.LastYear)
            : ctx.FirstYear - 1 - (int)(-12 * Math.Log(1 - rng.NextDouble()));
        int sizeClass = rng.Pick(isNew ? NewSizes : EstablishedSizes);

        int firstRow = Math.Max(ctx.FirstYear, startYear);
        int endYear = int.MaxValue;
        if (rng.Chance(0.03) && firstRow <= ctx.LastFiscalYear - 1)
            endYear = rng.Between(firstRow, ctx.LastFiscalYear - 1);
        int lastRow = Math.Min(ctx.LastFiscalYear, endYear);

        int gapYear = 0;
        if (rng.Chance(0.03) && lastRow - firstRow >= 2)
            gapYear = rng.Between(firstRow + 1, lastRow - 1);

        return new CompanyProfile(index, county, gender, foreign, sizeClass, startYear, endYear, gapYear);
    }
}

/// <summary>Swedish organisation numbers (<c>55NNNN-NNNC</c>, C a Luhn check digit) derived from the company index.</summary>
internal static class OrgNr
{
    private const int Space = SampleContext.MaxCompanies;

    // Coprime to 10^7 (odd, not ending in 5), so index → (A·index + B) mod 10^7 is a bijection:
    // numbers are unique yet look scattered.
    private const long A = 3_852_547;

    /// <summary>The seed's offset B of the permutation.</summary>
    public static long OffsetFor(int seed) => (long)(Rng.Hash01(seed, RngStream.Profile, -1, 0) * Space);

    public static void Format(SampleContext ctx, int index, Span<char> destination)
    {
        long body = 550_000_000 + (A * index + ctx.OrgOffset) % Space;
        Span<char> digits = stackalloc char[9];
        for (int i = 8; i >= 0; i--)
        {
            digits[i] = (char)('0' + (int)(body % 10));
            body /= 10;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        digits[..6].CopyTo(destination);
        destination[6] = '-';
        digits[6..].CopyTo(destination[7..]);
        destination[10] = (char)('0' + (10 - sum % 10) % 10);
    }

    public static string Format(SampleContext ctx, int index)
    {
        Span<char> buffer = stackalloc char[11];
        Format(ctx, index, buffer);
        return new string(buffer);
    }
}
