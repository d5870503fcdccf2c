using Language = Styrkort.Core.Presentation.Language;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

namespace Styrkort.Reports.Building;

/// <summary>A goal's definition for the appendix, and the shared parameters, values, functions and populations its formulas name.</summary>
internal sealed class Definitions(GoalFile file, Language lang)
{
    private readonly SortedSet<string> _shared = new(StringComparer.Ordinal);

    public GoalDefinition For(Goal goal)
    {
        var metric = file.Metrics[goal.Metric];
        var datasets = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { file.Units.Dataset };
        Visit(metric.Formula, datasets, []);
        Metric? comparison = goal.Comparison is { } c ? file.Metrics[c] : null;
        if (comparison is not null) Visit(comparison.Formula, datasets, []);
        if (goal.Target.FromDataset && file.TargetLevels is { } levels) datasets.Add(levels.Dataset);
        // The goal's own words for the board, in the report's language, before the metric's technical description.
        var about = goal.Description?.For(lang) ?? metric.Description;
        return new GoalDefinition(metric.Name, metric.Label, about, Tidy(metric.Formula.Text), comparison?.Name,
            comparison is null ? null : Tidy(comparison.Formula.Text), ReportText.For(lang).TargetRule(goal.Target, metric.Unit), datasets.ToList());
    }

    /// <summary>The shared definitions named by the goals seen so far, in the goal file's order of kinds.</summary>
    public IReadOnlyList<SharedDefinition> Shared()
    {
        var list = new List<SharedDefinition>();
        foreach (var name in _shared)
        {
            if (file.Parameters.TryGetValue(name, out var p))
                list.Add(new SharedDefinition(SharedDefinitionKind.Parameter, name, p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            else if (file.Values.TryGetValue(name, out var v))
                list.Add(new SharedDefinition(SharedDefinitionKind.Value, name, Tidy(v.Text), null));
            else if (file.Functions.TryGetValue(name, out var f))
                list.Add(new SharedDefinition(SharedDefinitionKind.Function, $"{name}({string.Join(", ", f.Parameters)})", Tidy(f.Body.Text), null));
            else if (file.Populations.TryGetValue(name, out var pop))
                list.Add(new SharedDefinition(SharedDefinitionKind.Population, name, PopulationText(pop), pop.Description));
        }
        return list.OrderBy(d => d.Kind).ToList();
    }

    private void Visit(Formula formula, ISet<string> datasets, HashSet<string> seen)
    {
        foreach (var token in Lexer.Tokenize(formula.Text, formula.Locate))
        {
            if (token.Kind != TokenKind.Ident || !seen.Add(token.Text)) continue;
            var name = token.Text;
            if (file.Datasets.ContainsKey(name)) datasets.Add(name);
            if (file.Metrics.TryGetValue(name, out var m)) Visit(m.Formula, datasets, seen);
            else if (file.Parameters.ContainsKey(name)) _shared.Add(name);
            else if (file.Values.TryGetValue(name, out var v)) { _shared.Add(name); Visit(v, datasets, seen); }
            else if (file.Functions.TryGetValue(name, out var f)) { _shared.Add(name); Visit(f.Body, datasets, seen); }
            else if (file.Populations.TryGetValue(name, out var p))
            {
                _shared.Add(name);
                datasets.Add(p.Entity);
                foreach (var member in p.Members) datasets.Add(member.Dataset);
                if (p.Where is { } where) Visit(where, datasets, seen);
            }
        }
    }

    private static string PopulationText(Population p)
    {
        var parts = new List<string>();
        if (p.Members.Count > 0) parts.Add($"{p.Entity} in {string.Join(", ", p.Members.Select(m => $"{m.Dataset} ({m.Time})"))}");
        else parts.Add(p.Entity);
        if (p.RegionColumn is { } region) parts.Add($"{region} in unit regions");
        if (p.Where is { } where) parts.Add("where " + Tidy(where.Text));
        return string.Join("; ", parts);
    }

    /// <summary>Folded YAML keeps the author's line breaks and indentation; trailing blanks and empty lines go.</summary>
    private static string Tidy(string text) =>
        string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
