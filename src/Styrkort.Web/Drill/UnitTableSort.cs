using Styrkort.Core.Evaluation;

namespace Styrkort.Web.Drill;

public enum UnitSortKey { Unit, Value, Status }

/// <summary>
/// The order of a goal page's per-unit table, from the query string (?sort=value&amp;dir=desc) so that it works without
/// JavaScript and a sorted view can be linked to.
/// </summary>
public sealed record UnitTableSort(UnitSortKey Key, bool Descending)
{
    private static readonly StringComparer Names = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);

    /// <returns>What is wrong with the parameters in the reader's language, or null; <paramref name="sort"/> is null when none is asked.</returns>
    public static string? Parse(string? key, string? dir, Localization.Texts t, out UnitTableSort? sort)
    {
        sort = null;
        var descending = dir switch { null or "" or "asc" => false, "desc" => true, _ => (bool?)null };
        if (descending is null) return t.Format("sort_dir_bad", dir);
        if (string.IsNullOrEmpty(key)) return null;
        UnitSortKey? parsed = key switch { "unit" => UnitSortKey.Unit, "value" => UnitSortKey.Value, "status" => UnitSortKey.Status, _ => null };
        if (parsed is null) return t.Format("sort_bad", key);
        sort = new UnitTableSort(parsed.Value, descending.Value);
        return null;
    }

    public string Query => $"&sort={Key.ToString().ToLowerInvariant()}{(Descending ? "&dir=desc" : "")}";

    /// <summary>
    /// The outcomes in this order. Units without a value come last either way (they are not the smallest); status goes
    /// from the worst (not met) to no data, so that ascending puts what needs attention first.
    /// </summary>
    public IReadOnlyList<Outcome> Apply(IReadOnlyList<Outcome> outcomes, Func<string, string> unitName)
    {
        IOrderedEnumerable<Outcome> ordered = Key switch
        {
            UnitSortKey.Unit => Descending ? outcomes.OrderByDescending(o => unitName(o.Unit), Names) : outcomes.OrderBy(o => unitName(o.Unit), Names),
            UnitSortKey.Value => Descending
                ? outcomes.OrderBy(o => o.Value is null).ThenByDescending(o => o.Value?.AsDouble)
                : outcomes.OrderBy(o => o.Value is null).ThenBy(o => o.Value?.AsDouble),
            _ => Descending ? outcomes.OrderByDescending(o => Rank(o.Status)) : outcomes.OrderBy(o => Rank(o.Status)),
        };
        return ordered.ThenBy(o => unitName(o.Unit), Names).ToList();
    }

    private static int Rank(Status status) => status switch
    {
        Status.NotMet => 0,
        Status.AtRisk => 1,
        Status.Met => 2,
        Status.NoTarget => 3,
        _ => 4,
    };
}
