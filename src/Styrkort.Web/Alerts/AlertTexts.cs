using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Core.Presentation;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Alerts;

/// <summary>An alert's words in Swedish and English: each alert keeps both, so a mail is written in its subscription's language and a webhook carries both.</summary>
public readonly record struct AlertText(string Sv, string En)
{
    public string In(Language language) => language.Pick(Sv, En);
}

/// <summary>
/// What an alert says, with its figures formatted as the web pages format them (<see cref="Figures"/>,
/// <see cref="TargetText"/>): "Nöjd kund (NPS), Skåne, 2026-Q2: målet är inte uppfyllt (värde 48,0, mål ≥ 55,0)".
/// </summary>
public static class AlertTexts
{
    public static AlertText Status(SiteSnapshot site, Outcome outcome, string kind, Period period)
    {
        var goal = site.Goals.Goals.FirstOrDefault(g => g.Id == outcome.Goal);
        var unit = goal is not null && site.Goals.Metrics.TryGetValue(goal.Metric, out var metric) ? metric.Unit : null;
        string Say(Language l)
        {
            var what = kind == AlertKinds.NotMet ? l.Pick("målet är inte uppfyllt", "the goal is not met") : l.Pick("målet är i riskzonen", "the goal is at risk");
            var figures = "";
            if (outcome.Value is not null)
            {
                var column = FigureColumn.Of(unit, l, [outcome]);
                figures = $" ({l.Pick("värde", "value")} {column.Value(outcome.Value)}"
                          + (outcome.Target.Level is not null || outcome.Target.Min is not null ? $", {l.Pick("mål", "target")} {column.Target(outcome.Target)}" : "")
                          // A goal judged against a comparison group says what the group's value was.
                          + (outcome.Comparison is not null ? $", {l.Pick("jämförelse", "comparison")} {column.Value(outcome.Comparison)}" : "") + ")";
            }
            return $"{Where(site, outcome.Goal, outcome.Unit, l)}, {period}: {what}{figures}";
        }
        return new AlertText(Say(Language.Sv), Say(Language.En));
    }

    public static AlertText Anomaly(SiteSnapshot site, Anomaly anomaly) => new(
        $"{Where(site, anomaly.Goal, anomaly.Unit, Language.Sv)}, {anomaly.Month}: avvikande värde — {anomaly.Reason.Swedish}",
        $"{Where(site, anomaly.Goal, anomaly.Unit, Language.En)}, {anomaly.Month}: unusual value — {anomaly.Reason.English}");

    public static AlertText Forecast(SiteSnapshot site, string goal, string unit, YearEndForecast forecast, double chance, double level) => new(
        $"{Where(site, goal, unit, Language.Sv)}: chansen att nå målet {forecast.Year} är {Percent(chance, Language.Sv)}, under {Percent(level, Language.Sv)}",
        $"{Where(site, goal, unit, Language.En)}: the chance of meeting the target in {forecast.Year} is {Percent(chance, Language.En)}, below {Percent(level, Language.En)}");

    public static AlertText Stale(Dataset dataset, DateTime imported, DateTime due) => new(
        $"Datamängden {dataset.Name} importerades senast {Utc(imported)}; den väntas {Cadence(dataset.Cadence!, Language.Sv)} "
        + $"och är försenad sedan {Utc(due)}",
        $"The dataset {dataset.Name} was last imported {Utc(imported)}; it is expected {Cadence(dataset.Cadence!, Language.En)} "
        + $"and has been overdue since {Utc(due)}");

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The subject of a mail with one alert.</summary>
    public static string Subject(AlertRecord alert, Language language) => $"Styrkort: {MessageIn(alert, language)}";

    /// <summary>The subject of a day's digest; the date is the digest's, in the digest's time zone.</summary>
    public static string DigestSubject(DateOnly day, int count, Language language) =>
        language.Pick($"Styrkort: dagens aviseringar ({Day(day)}), {count} st", $"Styrkort: today's alerts ({Day(day)}), {count}");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Body(IEnumerable<AlertRecord> alerts, Language language) =>
        string.Join("\n", alerts.Select(a => $"- {MessageIn(a, language)}"))
        + language.Pick("\n\nAviseringarna finns på sidan Aviseringar (/alerts) i Styrkort.\n", "\n\nThe alerts are on the Alerts page (/alerts) in Styrkort.\n");

    /// <summary>The alert's message in a language; an alert recorded before alerts spoke English has only its Swedish.</summary>
    public static string MessageIn(AlertRecord alert, Language language) =>
        language.IsEnglish && alert.MessageEn.Length > 0 ? alert.MessageEn : alert.Message;

    private static string Where(SiteSnapshot site, string goal, string unit, Language language) =>
        $"{site.Goals.Goals.FirstOrDefault(g => g.Id == goal)?.Name.For(language) ?? goal}, {site.Units.FirstOrDefault(u => u.Id == unit)?.Name ?? unit}";

    /// <summary>A chance as the goal page shows it: whole per cent.</summary>
    private static string Percent(double share, Language language) =>
        (share * 100).ToString("0", Figures.Numbers(language)) + language.Pick("\u00a0%", "%");

    private static string Cadence(string cadence, Language language) => cadence switch
    {
        "weekly" => language.Pick("varje vecka", "every week"),
        "monthly" => language.Pick("varje månad", "every month"),
        "quarterly" => language.Pick("varje kvartal", "every quarter"),
        _ => cadence,
    };
}
