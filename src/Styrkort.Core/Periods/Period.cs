using System.Globalization;
using System.Text.RegularExpressions;

namespace Styrkort.Core.Periods;

public enum PeriodKind { Month, Quarter, Year, Week }

/// <summary>
/// A reporting period: a calendar month (2026-03), quarter (2026-Q1), year (2026) or ISO 8601 week (2026-W12, Monday to
/// Sunday). A week's <see cref="Year"/> is its ISO week-year, the year in its text: 2026-W01 starts on 2025-12-29.
/// Whatever is reckoned by calendar year (ytd, period.year, the target level's year) takes <see cref="EndYear"/>.
/// </summary>
public readonly partial record struct Period
{
    public PeriodKind Kind { get; }
    /// <summary>The year in the period's text; for a week its ISO week-year, which may differ from its days' years.</summary>
    public int Year { get; }
    /// <summary>Month 1–12, quarter 1–4, week 1–52 (53 in a year that has it), or 1 for a year.</summary>
    public int Index { get; }

    public Period(PeriodKind kind, int year, int index)
    {
        // Wider than what Parse accepts: the periods before the first one (trend, history, windows) must exist too.
        if (year is < MinYear or > MaxYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be {MinYear}–{MaxYear}");
        var max = kind switch
        {
            PeriodKind.Month => 12,
            PeriodKind.Quarter => 4,
            PeriodKind.Week => ISOWeek.GetWeeksInYear(year),
            _ => 1,
        };
        if (index < 1 || index > max) throw new ArgumentOutOfRangeException(nameof(index), index, $"must be 1–{max}");
        (Kind, Year, Index) = (kind, year, index);
    }

    private const int MinYear = 1000, MaxYear = 9998;

    public static Period Parse(string text)
    {
        if (TryParse(text, out var p)) return p;
        text ??= "";
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        if (MissingWeek(text) is { } missing) throw new FormatException(missing);
        throw new FormatException($"'{shown}' is not a period; expected a month (2026-03), a quarter (2026-Q1), a year (2026) " +
                                  $"or an ISO week (2026-W12), of the years {Limits.FirstYear}–{Limits.LastYear}");
    }

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < Limits.FirstYear or > Limits.LastYear) return false;
        if (m.Groups["q"].Success) period = new Period(PeriodKind.Quarter, year, m.Groups["q"].Value[0] - '0');
        else if (m.Groups["w"].Success)
        {
            var week = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
            period = new Period(PeriodKind.Week, year, week);
        }
        else if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = new Period(PeriodKind.Month, year, month);
        }
        else period = new Period(PeriodKind.Year, year, 1);
        return true;
    }

    /// <summary>
    /// Why a well-formed week 53 is none: its ISO year has 52 (2025-W53) — said so, rather than listing the formats it
    /// follows. Null for any other text.
    /// </summary>
    public static string? MissingWeek(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success || m.Groups["w"].Value != "53") return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < Limits.FirstYear or > Limits.LastYear || ISOWeek.GetWeeksInYear(year) == 53) return null;
        var shown = text!.Trim();
        return $"'{shown}' is not a period: the ISO year {year} has 52 weeks, not 53";
    }

    [GeneratedRegex(@"^(?<y>\d{4})(-Q(?<q>[1-4])|-W(?<w>\d{2})|-(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Index, 1),
        PeriodKind.Quarter => new DateOnly(Year, Index * 3 - 2, 1),
        PeriodKind.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Index, DayOfWeek.Monday)),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        PeriodKind.Week => Start.AddDays(6),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The calendar year of the period's last day: the year ytd, period.year and the target level belong to.</summary>
    public int EndYear => End.Year;

    /// <summary>
    /// The share of the year that has passed at the period's end: q/4, m/12 or 1; for a week, the day of the year of its
    /// Sunday over the days of that year (2026-W12 ends 22 March: 81/365).
    /// </summary>
    public (int Numerator, int Denominator) YearFraction => Kind switch
    {
        PeriodKind.Month => (Index, 12),
        PeriodKind.Quarter => (Index, 4),
        PeriodKind.Week => (End.DayOfYear, DateTime.IsLeapYear(End.Year) ? 366 : 365),
        _ => (1, 1),
    };

    /// <summary>The quarter the period ends in (1–4).</summary>
    public int EndQuarter => (End.Month + 2) / 3;

    public Period Previous() => Kind switch
    {
        PeriodKind.Year => new Period(Kind, Year - 1, 1),
        PeriodKind.Week when Index == 1 => new Period(Kind, Year - 1, ISOWeek.GetWeeksInYear(Year - 1)),
        _ when Index == 1 => new Period(Kind, Year - 1, Kind == PeriodKind.Month ? 12 : 4),
        _ => new Period(Kind, Year, Index - 1),
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Index:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Index}",
        PeriodKind.Week => $"{Year:D4}-W{Index:D2}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
