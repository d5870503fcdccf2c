using Styrkort.Core.Periods;

namespace Styrkort.Web.Presentation;

/// <summary>What a period picker is called: by the kind of period it shows, not "Kvartal" for a week or a month.</summary>
public static class PeriodLabel
{
    /// <summary>The text key (Localization.Texts) of the picker's label for a shown period of this kind.</summary>
    public static string Key(PeriodKind kind) => kind switch
    {
        PeriodKind.Week => "week",
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        _ => "year",
    };
}
