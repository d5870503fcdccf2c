using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

internal static partial class GoalReader
{
    private static readonly Dictionary<string, TargetRuleKind> Rules =
        TargetRuleKinds.All.ToDictionary(k => k.Key(), StringComparer.Ordinal);

    public static LocalizedText Text(YamlSource y, YamlNode node)
    {
        if (node is YamlScalarNode) return new LocalizedText(y.Str(node), y.Str(node));
        var map = y.Map(node, "a name in Swedish and English", "sv", "en");
        var sv = y.Str(y.Required(map, "sv", "a name"));
        return new LocalizedText(sv, y.OptStr(map, "en") ?? sv);
    }

    /// <param name="parameters">The parameters read so far: a level, bound, warning or band edge may name one.</param>
    public static Goal Read(YamlSource y, YamlNode node, IReadOnlyDictionary<string, Parameter> parameters)
    {
        var map = y.Map(node, "a goal", "id", "name", "description", "area", "type", "metric", "comparison", "target", "board", "owner", "unit", "units", "subunits", "breakdown", "serves", "deadline");
        var id = y.Str(y.Required(map, "id", "a goal"));
        var what = $"goal '{id}'";
        // Once read and ignored: a goal file that relied on it would silently follow the goal everywhere.
        if (YamlSource.Get(map, "unit") is { } unitKey)
            throw y.Error(unitKey, $"{what}: a goal has no 'unit' key; write 'units: [id, …]' to follow it in some units only (with their subtrees), " +
                                   "or give the metric a 'unit:' for how its values are shown");
        var typeNode = y.Required(map, "type", what);
        var setBy = y.Str(typeNode) switch
        {
            "Ä" or "owners" => LevelSetBy.Owners,
            "S" or "board" => LevelSetBy.Board,
            var t => throw y.Error(typeNode, new Presentation.Message("goalfile.unknown_goal_type", t)),
        };
        var quarters = new HashSet<int>();
        if (YamlSource.Get(map, "board") is { } board)
            foreach (var q in y.List(board, "board quarters"))
            {
                var m = QuarterPattern().Match(y.Str(q));
                if (!m.Success) throw y.Error(q, $"expected a quarter Q1–Q4, found '{y.Str(q)}'");
                quarters.Add(m.Groups[1].Value[0] - '0');
            }
        var target = ReadTarget(y, y.Required(map, "target", what), what, parameters);
        if (target.FromBoard && setBy == LevelSetBy.Owners)
            throw y.Error(typeNode, $"{what} takes its level from the board ('level: board') but is of type Ä; use type S");
        return new Goal(id, Text(y, y.Required(map, "name", what)), y.Str(y.Required(map, "area", what)), setBy,
            y.Str(y.Required(map, "metric", what)), y.OptStr(map, "comparison"), target, quarters,
            y.OptStr(map, "owner"), y.Loc(node),
            YamlSource.Get(map, "description") is { } d ? Text(y, d) : null)
        {
            // Checked against the metric once formulas are bound: a dimension must be reachable from what it aggregates.
            Breakdown = YamlSource.Get(map, "breakdown") is { } b ? Breakdown(y, b) : [],
            // Checked against the imported unit tree when the goal is evaluated: the goal file does not hold the units.
            Units = YamlSource.Get(map, "units") is { } u ? Units(y, u, what) : [],
            Subunits = YamlSource.Get(map, "subunits") is { } sub ? Subunits(y, sub, map, what) : true,
            // The goal served is checked once all goals are read: it may come later in the file.
            Serves = YamlSource.Get(map, "serves") is { } s ? new GoalReference(y.Str(s), y.Loc(s)) : null,
            Deadline = YamlSource.Get(map, "deadline") is { } dl ? Deadline(y, dl) : null,
        };
    }

    /// <summary>subunits: false follows the goal in the named units themselves: a company-wide ratio, not every department's.</summary>
    private static bool Subunits(YamlSource y, YamlNode node, YamlMappingNode map, string what)
    {
        if (YamlSource.Get(map, "units") is null)
            throw y.Error(node, $"{what}: 'subunits' says whether the units named in 'units' bring their subtrees; name them with 'units: [id, …]'");
        return y.Bool(node);
    }

    private static List<GoalUnit> Units(YamlSource y, YamlNode node, string what)
    {
        var ids = y.List(node, "unit ids");
        if (ids.Count == 0) throw y.Error(node, $"{what}: 'units' names no unit; leave it out to follow the goal in every unit");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var units = new List<GoalUnit>();
        foreach (var item in ids)
        {
            var id = y.Str(item);
            if (!seen.Add(id)) throw y.Error(item, $"{what}: unit '{id}' is named twice in 'units'");
            units.Add(new GoalUnit(id, y.Loc(item)));
        }
        return units;
    }

    /// <summary>A number, or the name of a parameter standing for one.</summary>
    private static decimal Number(YamlSource y, YamlNode node, IReadOnlyDictionary<string, Parameter> parameters)
    {
        var text = y.Str(node);
        if (GoalFileReader.NamePattern().IsMatch(text))
            return parameters.TryGetValue(text, out var p)
                ? p.Value
                : throw y.Error(node, $"unknown parameter '{text}'; expected a number or a parameter" +
                                      (parameters.Count > 0 ? $"; parameters: {string.Join(", ", parameters.Keys)}" : " (the goal file defines none)"));
        return y.Number(node);
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

    private static TargetRule ReadTarget(YamlSource y, YamlNode node, string what, IReadOnlyDictionary<string, Parameter> parameters)
    {
        var map = y.Map(node, $"the target of {what}", "rule", "level", "min", "max", "phasing", "warning", "bands", "bands_on");
        var ruleNode = y.Required(map, "rule", $"the target of {what}");
        if (!Rules.TryGetValue(y.Str(ruleNode), out var kind))
            throw y.Error(ruleNode, new Presentation.Message("goalfile.unknown_rule", y.Str(ruleNode), string.Join(", ", Rules.Keys)));
        decimal? level = null;
        bool fromBoard = false, fromBudget = false;
        if (YamlSource.Get(map, "level") is { } l)
        {
            if (y.Str(l) == "board") fromBoard = true;
            else if (y.Str(l) == "budget") fromBudget = true;
            else level = Number(y, l, parameters);
        }
        decimal? low = YamlSource.Get(map, "min") is { } lo ? Number(y, lo, parameters) : null;
        decimal? high = YamlSource.Get(map, "max") is { } hi ? Number(y, hi, parameters) : null;
        var phasing = YamlSource.Get(map, "phasing");
        var phased = phasing is { } p && y.Str(p) switch
        {
            "linear" => true,
            "none" or "sum" => false,
            _ => throw y.Error(p, "expected phasing: linear or none (or sum, for levels from target_levels)"),
        };
        var sums = phasing is not null && y.Str(phasing) == "sum";
        var needsLevel = kind is TargetRuleKind.AtLeast or TargetRuleKind.AtMost or TargetRuleKind.Exactly;
        if (needsLevel && level is null && !fromBoard && !fromBudget) throw y.Error(map, $"rule {y.Str(ruleNode)} needs 'level': a number or 'board'");
        if (kind == TargetRuleKind.Between && (low is null || high is null || low > high))
            throw y.Error(map, "rule between needs 'min' and 'max' with min ≤ max");
        if (!needsLevel && (level is not null || fromBoard || fromBudget)) throw y.Error(map, $"rule {y.Str(ruleNode)} takes no 'level'");
        if (sums && !fromBoard && !fromBudget)
            throw y.Error(phasing!, "phasing: sum adds the levels of target_levels; it needs 'level: budget' or 'level: board'");

        decimal? warning = null;
        if (YamlSource.Get(map, "warning") is { } w)
        {
            if (kind is not (TargetRuleKind.AtLeast or TargetRuleKind.AtMost))
                throw y.Error(w, $"'warning' belongs to an at_least or at_most target, not to rule {y.Str(ruleNode)}");
            warning = Number(y, w, parameters);
            if (level is { } fixedLevel && (kind == TargetRuleKind.AtLeast ? warning >= fixedLevel : warning <= fixedLevel))
                throw y.Error(w, kind == TargetRuleKind.AtLeast
                    ? $"the warning of an at_least target lies below its level ({fixedLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)}): values from it up to the level are at risk"
                    : $"the warning of an at_most target lies above its level ({fixedLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)}): values from the level up to it are at risk");
        }

        var bandsOn = BandsOn.Achievement;
        if (YamlSource.Get(map, "bands_on") is { } on)
            bandsOn = y.Str(on) switch
            {
                "value" => BandsOn.Value,
                "achievement" => BandsOn.Achievement,
                var t => throw y.Error(on, $"expected bands_on: achievement (100 × value / level, the default) or value, found '{t}'"),
            };
        var bands = YamlSource.Get(map, "bands") is { } b ? Bands(y, b, parameters) : [];
        if (bands.Count == 0 && YamlSource.Get(map, "bands_on") is { } alone) throw y.Error(alone, "'bands_on' without 'bands'");
        if (bands.Count > 0 && bandsOn == BandsOn.Achievement && !needsLevel)
            throw y.Error(YamlSource.Get(map, "bands")!, $"rule {y.Str(ruleNode)} has no single level to measure an achievement against; add 'bands_on: value'");

        return new TargetRule(kind, level, low, high, fromBoard, phased)
        {
            FromBudget = fromBudget, Sums = sums, Warning = warning, Bands = bands, BandsOn = bandsOn,
        };
    }

    /// <summary>Bands in order, each but the last with 'below', strictly increasing: every measure falls in exactly one.</summary>
    private static List<Band> Bands(YamlSource y, YamlNode node, IReadOnlyDictionary<string, Parameter> parameters)
    {
        var items = y.List(node, "bands");
        if (items.Count < 2) throw y.Error(node, "bands need at least two bands: [{below: 90, label: …}, {label: …}]");
        var bands = new List<Band>();
        for (var i = 0; i < items.Count; i++)
        {
            var map = y.Map(items[i], "a band", "below", "label");
            var label = Text(y, y.Required(map, "label", "a band"));
            var belowNode = YamlSource.Get(map, "below");
            var last = i == items.Count - 1;
            if (last && belowNode is not null)
                throw y.Error(belowNode, "the last band takes no 'below': it holds everything from the band before up");
            if (!last && belowNode is null) throw y.Error(items[i], "every band but the last needs 'below'");
            decimal? below = belowNode is null ? null : Number(y, belowNode, parameters);
            if (below is { } edge && bands.Count > 0 && bands[^1].Below is { } before && edge <= before)
                throw y.Error(belowNode!, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the bands' 'below' must increase: {edge} follows {before}"));
            bands.Add(new Band(below, label));
        }
        return bands;
    }

    [GeneratedRegex("^Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
