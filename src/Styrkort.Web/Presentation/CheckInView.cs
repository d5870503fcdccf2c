namespace Styrkort.Web.Presentation;

/// <summary>
/// A check-in as the goal page shows it, for the partial _CheckIn: the goal page, the edit form's preview and the
/// version history draw it the same way.
/// </summary>
/// <param name="History">The address of its version history; null where there is none yet (a preview of a first version).</param>
public sealed record CheckInView(
    string UnitId,
    string UnitName,
    string? By,
    DateTime? AtUtc,
    int? Version,
    string Analysis,
    IReadOnlyList<Api.CheckInVersions.Action> Actions,
    string? History);

public static class CheckInViews
{
    /// <summary>A saved check-in as the goal page shows it, with the address of its history.</summary>
    public static CheckInView Of(AppStore.CheckIn c, string unitName) => new(c.UnitId, unitName, c.UpdatedBy, c.UpdatedAtUtc, c.Version, c.Analysis,
        c.Actions.OrderBy(a => a.Id).Select(a => new Api.CheckInVersions.Action(a.What, a.Who, a.Due, a.State)).ToList(),
        HistoryOf(c.GoalId, c.UnitId, c.Period));

    public static string HistoryOf(string goal, string unit, string period) =>
        $"/goals/{Uri.EscapeDataString(goal)}/checkin/history?unit={Uri.EscapeDataString(unit)}&period={Uri.EscapeDataString(period)}";
}
