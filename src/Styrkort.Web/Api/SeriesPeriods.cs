using Styrkort.Core.Periods;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Api;

/// <summary>The periods of a goal's time series in the API: quarters by default, or eight periods of another kind.</summary>
public static class SeriesPeriods
{
    public const int Count = 8;

    /// <returns>What is wrong with the parameters, or null with the periods, oldest first.</returns>
    public static string? Of(SiteState site, string? period, string? kind, out IReadOnlyList<Period> periods)
    {
        periods = site.Quarters;
        if (period is not null && kind is not null) return "give either period or kind, not both";
        Period last;
        if (period is not null)
        {
            if (!site.TryPeriod(period, out last, out var sane))
                return Period.MissingWeek(period) ?? $"'{period}' is not a period; expected 2026-Q2, 2026-03, 2026 or 2026-W12";
            if (!sane) return $"'{period}' is outside the years {site.SaneYears.First}–{site.SaneYears.Last}";
        }
        else if (kind is not null)
        {
            if (LastComplete(site, kind) is not { } latest) return $"'{kind}' is not a kind of period; expected week, month, quarter or year";
            last = latest;
        }
        else return null; // the default quarters, exactly as before
        var list = new List<Period> { last };
        while (list.Count < Count) list.Insert(0, list[0].Previous());
        periods = list;
        return null;
    }

    /// <summary>The last complete period of a kind, as the default quarter is the last complete quarter.</summary>
    private static Period? LastComplete(SiteState site, string kind)
    {
        var today = DateOnly.FromDateTime(site.Clock.GetLocalNow().Date);
        return kind.ToLowerInvariant() switch
        {
            "quarter" => site.DefaultQuarter,
            "month" => new Period(PeriodKind.Month, today.Year, today.Month).Previous(),
            "year" => new Period(PeriodKind.Year, today.Year - 1, 1),
            "week" => new Period(PeriodKind.Week, System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)),
                System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue))).Previous(),
            _ => null,
        };
    }
}
