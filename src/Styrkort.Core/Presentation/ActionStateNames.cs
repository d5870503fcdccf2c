namespace Styrkort.Core.Presentation;

/// <summary>
/// The states of an action decided in a check-in, by the keys the app store and the API keep (<c>open</c>,
/// <c>in_progress</c>, <c>done</c>), and their one set of names: the board report and the web pages read the same.
/// </summary>
public static class ActionStateNames
{
    public const string Open = "open";
    public const string InProgress = "in_progress";
    public const string Done = "done";

    public static IReadOnlyList<string> Keys { get; } = [Open, InProgress, Done];

    private static readonly Dictionary<string, (string Sv, string En)> Names = new(StringComparer.Ordinal)
    {
        [Open] = ("Ej påbörjad", "Not started"),
        [InProgress] = ("Pågår", "In progress"),
        [Done] = ("Klar", "Done"),
    };

    /// <summary>The name of a state's key, when it is one.</summary>
    public static bool TryName(string key, Language language, out string name)
    {
        name = Names.TryGetValue(key, out var names) ? language.Pick(names.Sv, names.En) : key;
        return names != default;
    }

    /// <summary>"Ej påbörjad" / "Not started"; an unknown key as it is.</summary>
    public static string Name(string key, Language language) => TryName(key, language, out var name) ? name : key;
}
