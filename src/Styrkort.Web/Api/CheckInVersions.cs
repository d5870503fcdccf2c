using System.Globalization;
using System.Text.Json;
using Styrkort.Web.AppStore;
using Styrkort.Web.Presentation;

namespace Styrkort.Web.Api;

/// <summary>
/// A check-in's versions as text: their actions kept as JSON in the version row, and a version written out line by
/// line (the analysis, then one line per action), so that two versions compare with <see cref="LineDiff"/>.
/// </summary>
public static class CheckInVersions
{
    /// <summary>An action as a version keeps it.</summary>
    public sealed record Action(string What, string Who, DateOnly? Due, string State);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string ToJson(IEnumerable<CheckInAction> actions) =>
        JsonSerializer.Serialize(actions.Select(a => new Action(a.What, a.Who, a.Due, a.State)).ToList(), Json);

    /// <summary>The actions of a version (the migration wrote version 1 of older check-ins with the databases' own JSON functions).</summary>
    public static IReadOnlyList<Action> Actions(CheckInVersion version) =>
        string.IsNullOrWhiteSpace(version.Actions) ? [] : JsonSerializer.Deserialize<List<Action>>(version.Actions, Json) ?? [];

    /// <summary>The version as lines to compare: its analysis, then a heading and one line per action.</summary>
    public static string Text(string analysis, IEnumerable<Action> actions, Localization.Texts t)
    {
        var lines = new List<string> { analysis.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') };
        var list = actions.ToList();
        if (list.Count > 0)
        {
            lines.Add("");
            lines.Add($"{t["actions"]}:");
            lines.AddRange(list.Select(a => string.Join(" · ", new[]
            {
                a.What, a.Who, a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t[a.State],
            }.Where(s => !string.IsNullOrWhiteSpace(s)))));
        }
        return string.Join('\n', lines);
    }

    public static string Text(CheckInVersion version, Localization.Texts t) => Text(version.Analysis, Actions(version), t);

    /// <summary>What <paramref name="after"/> changed against <paramref name="before"/> (empty text for none), with context.</summary>
    public static IReadOnlyList<LineDiff.Line?> Diff(string before, string after) => LineDiff.WithContext(LineDiff.Compute(before, after));
}
