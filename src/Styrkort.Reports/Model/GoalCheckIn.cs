using Styrkort.Core.Periods;
using Styrkort.Core.Presentation;

namespace Styrkort.Reports;

/// <summary>
/// A goal owner's analysis (Markdown) of a goal for a unit and quarter, with the actions decided. The web application
/// keeps these; the report prints the ones for its unit and quarter where they exist and works without any.
/// </summary>
public sealed record GoalCheckIn(
    string Goal,
    string Unit,
    Period Period,
    string Analysis,
    IReadOnlyList<GoalAction> Actions,
    string? WrittenBy = null,
    DateOnly? WrittenOn = null);

/// <summary>An action decided in a check-in: what is done, by whom, by when, and how far it has come.</summary>
public sealed record GoalAction(string What, string Who, DateOnly? Due, ActionState State);

public enum ActionState { Open, InProgress, Done }

public static class ActionStates
{
    /// <summary>Reads the app store's names (<c>open</c>, <c>in_progress</c>, <c>done</c>).</summary>
    public static ActionState Parse(string name) => name switch
    {
        ActionStateNames.Open => ActionState.Open,
        ActionStateNames.InProgress => ActionState.InProgress,
        ActionStateNames.Done => ActionState.Done,
        _ => throw new ArgumentException($"unknown action state '{name}'; expected open, in_progress or done", nameof(name)),
    };

    /// <summary>The app store's name of a state, the key of its name in the shared vocabulary.</summary>
    public static string Key(ActionState state) => state switch
    {
        ActionState.Open => ActionStateNames.Open,
        ActionState.InProgress => ActionStateNames.InProgress,
        _ => ActionStateNames.Done,
    };
}
