using Styrkort.Core.Formatting;
using Spectre.Console;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Cli;

/// <summary>
/// The readable table of <c>evaluate</c>: goals grouped by area, one row per unit, status in colour, board goals marked;
/// a broken-down goal's segments on indented rows under each unit's row.
/// </summary>
public static class TableOutput
{
    public static void Write(IAnsiConsole console, GoalFile file, Evaluation evaluation, string lang)
    {
        var sv = lang != "en";
        var units = evaluation.Units.ToDictionary(u => u.Id);
        // A week is a board week when a board quarter ends in it: say so, rather than "this quarter" of a week.
        var week = evaluation.Period.Kind == Core.Periods.PeriodKind.Week;
        console.MarkupLine(sv
            ? $"[bold]{Markup.Escape(file.Organisation)}[/] — utfall för [bold]{evaluation.Period}[/]   [yellow]★[/] = styrelsen ser målet {(week ? "denna vecka (ett styrelsekvartal slutar i den)" : "detta kvartal")}"
            : $"[bold]{Markup.Escape(file.Organisation)}[/] — outcomes for [bold]{evaluation.Period}[/]   [yellow]★[/] = on the board's agenda {(week ? "this week (a board quarter ends in it)" : "this quarter")}");
        var byGoal = evaluation.Outcomes.ToLookup(o => o.Goal);
        var breakdowns = evaluation.Breakdowns.ToLookup(b => (b.Goal, b.Unit));
        var areas = file.Areas.Count > 0 ? file.Areas : file.Goals.Select(g => g.Area).Distinct().Select(a => new GoalArea(a, new LocalizedText(a, a))).ToList();
        foreach (var area in areas)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(area.Name.For(lang))}[/]");
            table.AddColumns(sv ? "Mål" : "Goal", sv ? "Enhet" : "Unit", sv ? "Värde" : "Value", sv ? "Mål­nivå" : "Target", sv ? "Jämförelse" : "Comparison", "Status");
            foreach (var column in table.Columns.Skip(2).Take(3)) column.RightAligned();
            foreach (var goal in file.Goals.Where(g => g.Area == area.Id))
            {
                var unitOfMeasure = file.Metrics[goal.Metric].Unit;
                var first = true;
                foreach (var o in byGoal[goal.Id])
                {
                    var name = first ? $"{(o.Scheduled ? "[yellow]★[/] " : "  ")}{Markup.Escape(goal.Name.For(lang))} [grey]({goal.TypeLetter})[/]" : "";
                    first = false;
                    var unit = units[o.Unit];
                    table.AddRow(
                        name,
                        Markup.Escape(new string(' ', unit.Depth * 2) + unit.Name),
                        o.Value is { } v ? SwedishFormat.Beside(v.AsDouble, o.Thresholds, unitOfMeasure, lang) : "–",
                        Markup.Escape(Target(o.Target, unitOfMeasure, lang)),
                        o.Comparison is { } c ? SwedishFormat.Beside(c, o.Value is { } cv ? [cv.AsDouble] : [], unitOfMeasure, lang) : "",
                        Status(o.Status, sv) + (o.Band is { } band ? $" [grey]·[/] {Markup.Escape(band.For(lang))}" : ""));
                    foreach (var breakdown in breakdowns[(o.Goal, o.Unit)])
                        foreach (var segment in breakdown.Segments)
                            table.AddRow(
                                "",
                                $"{new string(' ', unit.Depth * 2 + 2)}[grey]{Markup.Escape(breakdown.Dimension)}:[/] {Markup.Escape(Key(segment.Key, lang))}",
                                segment.Value is { } part ? SwedishFormat.Value(part.AsDouble, unitOfMeasure, lang) : "–",
                                "", "", "");
                }
            }
            console.Write(table);
        }
        var counts = evaluation.Outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
        // At risk is counted where a goal has a warning zone: the summary of other goal files stays as it was.
        var statuses = new[] { Core.Evaluation.Status.Met, Core.Evaluation.Status.AtRisk, Core.Evaluation.Status.NotMet, Core.Evaluation.Status.NoData, Core.Evaluation.Status.NoTarget }
            .Where(s => s != Core.Evaluation.Status.AtRisk || counts.ContainsKey(s) || file.Goals.Any(g => g.Target.Warning is not null));
        console.MarkupLine(string.Join("   ", statuses.Select(s => $"{Status(s, sv)}: {counts.GetValueOrDefault(s)}")));
    }

    /// <summary>A segment's key as a reader says it: the empty key as "(tomt)", booleans as ja/nej.</summary>
    private static string Key(object? key, string lang) => key switch
    {
        null => lang == "en" ? "(empty)" : "(tomt)",
        bool b => (b, lang == "en") switch { (true, true) => "yes", (false, true) => "no", (true, false) => "ja", _ => "nej" },
        decimal d => d.ToString(lang == "en" ? System.Globalization.CultureInfo.InvariantCulture : SwedishFormat.Numbers),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    private static string Target(AppliedTarget t, string? unit, string lang) => t.Rule switch
    {
        "at_least" => t.Level is { } l ? "≥ " + SwedishFormat.Value((double)l, unit, lang) : "",
        "at_most" => t.Level is { } l ? "≤ " + SwedishFormat.Value((double)l, unit, lang) : "",
        "exactly" => t.Level is { } l ? "= " + SwedishFormat.Value((double)l, unit, lang) : "",
        "between" => $"{SwedishFormat.Value((double)t.Min!, unit, lang)} – {SwedishFormat.Value((double)t.Max!, unit, lang)}",
        "above_comparison" => lang == "en" ? "> comparison" : "> jämförelse",
        _ => lang == "en" ? "< comparison" : "< jämförelse",
    };

    private static string Status(Core.Evaluation.Status s, bool sv) => s switch
    {
        Core.Evaluation.Status.Met => sv ? "[green]uppfyllt[/]" : "[green]met[/]",
        Core.Evaluation.Status.NotMet => sv ? "[red]ej uppfyllt[/]" : "[red]not met[/]",
        Core.Evaluation.Status.NoData => sv ? "[grey]data saknas[/]" : "[grey]no data[/]",
        Core.Evaluation.Status.AtRisk => sv ? "[darkorange]i riskzonen[/]" : "[darkorange]at risk[/]",
        _ => sv ? "[yellow]målnivå saknas[/]" : "[yellow]no target[/]",
    };
}
