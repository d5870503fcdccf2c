using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

internal static partial class GoalReader
{
    private static readonly Dictionary<string, TargetRuleKind> Rules = new(StringComparer.Ordinal)
    {
        ["at_least"] = TargetRuleKind.AtLeast, ["at_most"] = TargetRuleKind.AtMost, ["between"] = TargetRuleKind.Between,
        ["exactly"] = TargetRuleKind.Exactly, ["above_comparison"] = TargetRuleKind.AboveComparison,
        ["below_comparison"] = TargetRuleKind.BelowComparison,
    };

    public static LocalizedText Text(YamlSource y, YamlNode node)
    {
        if (node is YamlScalarNode) return new LocalizedText(y.Str(node), y.Str(node));
        var map = y.Map(node, "a name in Swedish and English", "sv", "en");
        var sv = y.Str(y.Required(map, "sv", "a name"));
        return new LocalizedText(sv, y.OptStr(map, "en") ?? sv);
    }

    public static Goal Read(YamlSource y, YamlNode node)
    {
        var map = y.Map(node, "a goal", "id", "name", "description", "area", "type", "metric", "comparison", "target", "board", "owner", "unit", "breakdown", "serves", "deadline");
        var id = y.Str(y.Required(map, "id", "a goal"));
        var what = $"goal '{id}'";
        var typeNode = y.Required(map, "type", what);
        var setBy = y.Str(typeNode) switch
        {
            "Ä" or "owners" => LevelSetBy.Owners,
            "S" or "board" => LevelSetBy.Board,
            var t => throw y.Error(typeNode, $"unknown goal type '{t}'; expected Ä (level set by the owners) or S (level set by the board)"),
        };
        var quarters = new HashSet<int>();
        if (YamlSource.Get(map, "board") is { } board)
            foreach (var q in y.List(board, "board quarters"))
            {
                var m = QuarterPattern().Match(y.Str(q));
                if (!m.Success) throw y.Error(q, $"expected a quarter Q1–Q4, found '{y.Str(q)}'");
                quarters.Add(m.Groups[1].Value[0] - '0');
            }
        var target = ReadTarget(y, y.Required(map, "target", what), what);
        if (target.FromBoard && setBy == LevelSetBy.Owners)
            throw y.Error(typeNode, $"{what} takes its level from the board ('level: board') but is of type Ä; use type S");
        return new Goal(id, Text(y, y.Required(map, "name", what)), y.Str(y.Required(map, "area", what)), setBy,
            y.Str(y.Required(map, "metric", what)), y.OptStr(map, "comparison"), target, quarters,
            y.OptStr(map, "owner"), y.OptStr(map, "unit"), y.Loc(node),
            YamlSource.Get(map, "description") is { } d ? Text(y, d) : null)
        {
            // Checked against the metric once formulas are bound: a dimension must be reachable from what it aggregates.
            Breakdown = YamlSource.Get(map, "breakdown") is { } b ? Breakdown(y, b) : [],
            // The goal served is checked once all goals are read: it may come later in the file.
            Serves = YamlSource.Get(map, "serves") is { } s ? new GoalReference(y.Str(s), y.Loc(s)) : null,
            Deadline = YamlSource.Get(map, "deadline") is { } dl ? Deadline(y, dl) : null,
        };
    }

    /// <summary>A date (2026-12-31) or a period (2026-Q4, 2026-12, 2026), which means its last day.</summary>
    private static DateOnly Deadline(YamlSource y, YamlNode node)
    {
        var text = y.Str(node);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        return Periods.Period.TryParse(text, out var period)
            ? period.End
            : throw y.Error(node, $"expected a deadline as a date (2026-12-31) or a period whose last day it is (2026-Q4, 2026-12, 2026), found '{text}'");
    }

    private static List<BreakdownEntry> Breakdown(YamlSource y, YamlNode node)
    {
        var entries = y.List(node, "breakdown dimensions (dataset.column)");
        if (entries.Count > Limits.Breakdowns)
            throw y.Error(entries[Limits.Breakdowns], $"a goal is broken down by at most {Limits.Breakdowns} dimensions");
        return entries.Select(e => new BreakdownEntry(y.Str(e), y.Loc(e))).ToList();
    }

    private static TargetRule ReadTarget(YamlSource y, YamlNode node, string what)
    {
        var map = y.Map(node, $"the target of {what}", "rule", "level", "min", "max", "phasing");
        var ruleNode = y.Required(map, "rule", $"the target of {what}");
        if (!Rules.TryGetValue(y.Str(ruleNode), out var kind))
            throw y.Error(ruleNode, $"unknown target rule '{y.Str(ruleNode)}'; expected one of: {string.Join(", ", Rules.Keys)}");
        decimal? level = null;
        var fromBoard = false;
        if (YamlSource.Get(map, "level") is { } l)
        {
            if (y.Str(l) == "board") fromBoard = true;
            else level = y.Number(l);
        }
        decimal? low = YamlSource.Get(map, "min") is { } lo ? y.Number(lo) : null;
        decimal? high = YamlSource.Get(map, "max") is { } hi ? y.Number(hi) : null;
        var phased = YamlSource.Get(map, "phasing") is { } p && (y.Str(p) == "linear"
            ? true
            : y.Str(p) == "none" ? false : throw y.Error(p, "expected phasing: linear or none"));
        var needsLevel = kind is TargetRuleKind.AtLeast or TargetRuleKind.AtMost or TargetRuleKind.Exactly;
        if (needsLevel && level is null && !fromBoard) throw y.Error(map, $"rule {y.Str(ruleNode)} needs 'level': a number or 'board'");
        if (kind == TargetRuleKind.Between && (low is null || high is null || low > high))
            throw y.Error(map, "rule between needs 'min' and 'max' with min ≤ max");
        if (!needsLevel && (level is not null || fromBoard)) throw y.Error(map, $"rule {y.Str(ruleNode)} takes no 'level'");
        return new TargetRule(kind, level, low, high, fromBoard, phased);
    }

    [GeneratedRegex("^Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
