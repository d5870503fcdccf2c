using System.Globalization;
using System.Text.RegularExpressions;

namespace Styrkort.Core.Periods;

public enum PeriodKind { Month, Quarter, Year }

/// <summary>A reporting period: a calendar month (2026-03), quarter (2026-Q1) or year (2026).</summary>
public readonly partial record struct Period
{
    public PeriodKind Kind { get; }
    public int Year { get; }
    /// <summary>Month 1–12, quarter 1–4, or 1 for a year.</summary>
    public int Index { get; }

    public Period(PeriodKind kind, int year, int index)
    {
        var max = kind switch { PeriodKind.Month => 12, PeriodKind.Quarter => 4, _ => 1 };
        // Wider than what Parse accepts: the periods before the first one (trend, history, windows) must exist too.
        if (year is < MinYear or > MaxYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be {MinYear}–{MaxYear}");
        if (index < 1 || index > max) throw new ArgumentOutOfRangeException(nameof(index), index, $"must be 1–{max}");
        (Kind, Year, Index) = (kind, year, index);
    }

    private const int MinYear = 1000, MaxYear = 9998;

    public static Period Parse(string text)
    {
        if (TryParse(text, out var p)) return p;
        text ??= "";
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        throw new FormatException($"'{shown}' is not a period; expected a month (2026-03), a quarter (2026-Q1) or a year (2026), " +
                                  $"of the years {Limits.FirstYear}–{Limits.LastYear}");
    }

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < Limits.FirstYear or > Limits.LastYear) return false;
        if (m.Groups["q"].Success) period = new Period(PeriodKind.Quarter, year, m.Groups["q"].Value[0] - '0');
        else if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = new Period(PeriodKind.Month, year, month);
        }
        else period = new Period(PeriodKind.Year, year, 1);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(-Q(?<q>[1-4])|-(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Index, 1),
        PeriodKind.Quarter => new DateOnly(Year, Index * 3 - 2, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The share of the year that has passed at the period's end: q/4, m/12 or 1.</summary>
    public (int Numerator, int Denominator) YearFraction => Kind switch
    {
        PeriodKind.Month => (Index, 12),
        PeriodKind.Quarter => (Index, 4),
        _ => (1, 1),
    };

    /// <summary>The quarter the period ends in (1–4).</summary>
    public int EndQuarter => (End.Month + 2) / 3;

    public Period Previous() => Kind switch
    {
        PeriodKind.Year => new Period(Kind, Year - 1, 1),
        _ when Index == 1 => new Period(Kind, Year - 1, Kind == PeriodKind.Month ? 12 : 4),
        _ => new Period(Kind, Year, Index - 1),
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Index:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Index}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
