using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Presentation;

/// <summary>A status as a reader and a machine see it: its name in Swedish and English, its sign, its key.</summary>
public static class Statuses
{
    /// <summary>Every status in the order a summary counts them: met, at risk, not met, no data, no target.</summary>
    public static readonly IReadOnlyList<Status> InOrder = [Status.Met, Status.AtRisk, Status.NotMet, Status.NoData, Status.NoTarget];

    /// <summary>The machine key: JSON's <c>status</c>, the web's CSS class and text key. Never changes.</summary>
    public static string Key(Status status) => status switch
    {
        Status.Met => "met",
        Status.NotMet => "not_met",
        Status.NoData => "no_data",
        Status.AtRisk => "at_risk",
        _ => "no_target",
    };

    public static bool TryParse(string? key, out Status status)
    {
        foreach (var s in InOrder)
            if (string.Equals(Key(s), key, StringComparison.Ordinal)) { status = s; return true; }
        status = default;
        return false;
    }

    public static string Name(Status status, Language language) => status switch
    {
        Status.Met => language.Pick("Uppfyllt", "Met"),
        Status.NotMet => language.Pick("Ej uppfyllt", "Not met"),
        Status.NoData => language.Pick("Data saknas", "No data"),
        Status.AtRisk => language.Pick("I riskzonen", "At risk"),
        _ => language.Pick("Målnivå saknas", "No target"),
    };

    /// <summary>The status and beside it the band its value fell in: "Uppfyllt · Full bonus".</summary>
    public static string Name(Status status, LocalizedText? band, Language language) =>
        band is { } b ? $"{Name(status, language)} · {b.For(language)}" : Name(status, language);

    /// <summary>
    /// A status's sign, shown beside its name so that status never rests on colour alone (WCAG 1.4.1). Plain text
    /// characters, not emoji, so that every font draws them in the text's own colour.
    /// </summary>
    public static string Icon(Status status) => status switch
    {
        Status.Met => "✓",
        Status.NotMet => "✗",
        Status.AtRisk => "!",
        Status.NoData => "…",
        _ => "○",
    };

    /// <summary>How many goals have a status, as a summary counts them: "5 uppfyllda", "1 utan data".</summary>
    public static string Count(Status status, int count, Language language) => $"{count} " + status switch
    {
        Status.Met => language.Pick("uppfyllda", "met"),
        Status.NotMet => language.Pick("ej uppfyllda", "not met"),
        Status.NoData => language.Pick("utan data", "without data"),
        Status.AtRisk => language.Pick("i riskzonen", "at risk"),
        _ => language.Pick("utan målnivå", "without target"),
    };
}
