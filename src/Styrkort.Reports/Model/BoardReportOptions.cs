using Language = Styrkort.Core.Presentation.Language;
namespace Styrkort.Reports;

/// <summary>What to put in a board report beyond the goal file, the warehouse and the quarter.</summary>
public sealed record BoardReportOptions
{
    /// <summary>The unit the report is for; null is the root of the unit tree.</summary>
    public string? Unit { get; init; }

    /// <summary>Swedish (default) or English; parsed where the request comes in (the CLI's --lang, the web's cookie).</summary>
    public Language Language { get; init; } = Language.Sv;

    public IReadOnlyList<GoalCheckIn> CheckIns { get; init; } = [];

    /// <summary>
    /// Whether <see cref="CheckIns"/> are all there are (the web application keeps them): then the report lists the goals
    /// and units without an analysis. The command line keeps no check-ins, so its report leaves that section out rather
    /// than call every analysis missing.
    /// </summary>
    public bool ListMissingCheckIns { get; init; }

    /// <summary>Board levels decided in the app store, by (goal, unit, year); passed on to the evaluator.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? DecidedLevels { get; init; }

    /// <summary>
    /// Whether each goal says what drove its change since the board last saw it ("Vad förändrades",
    /// <see cref="Core.Insights.ChangeSince.Board"/>): from <see cref="Changes"/> where given (the web application's
    /// snapshot computed them in the background), else computed here by <see cref="Core.Insights.ChangeExplainer"/> (the
    /// command line). Off: the report is exactly as without it.
    /// </summary>
    public bool ExplainChanges { get; init; }

    /// <summary>Change explanations computed elsewhere for the report quarter, by (goal, unit): since the board last saw each goal.</summary>
    public IReadOnlyDictionary<(string Goal, string Unit), Core.Insights.ChangeExplanation>? Changes { get; init; }

    /// <summary>Where "today" (the date of production) comes from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
