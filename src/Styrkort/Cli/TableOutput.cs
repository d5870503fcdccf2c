using Spectre.Console;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Cli;

/// <summary>
/// The readable table of <c>evaluate</c>: goals grouped by area, one row per unit, status in colour, board goals marked;
/// a broken-down goal's segments on indented rows under each unit's row. Words and numbers come from the shared
/// vocabulary (<see cref="Figures"/>, <see cref="Statuses"/>, <see cref="TargetText"/>): a goal's rows are one
/// <see cref="FigureColumn"/>, so its values share their decimals.
/// </summary>
public static class TableOutput
{
    public static void Write(IAnsiConsole console, GoalFile file, Evaluation evaluation, Language lang)
    {
        var sv = !lang.IsEnglish;
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
                var column = FigureColumn.Of(unitOfMeasure, lang, byGoal[goal.Id].Select(FigureRow.Of)
                    .Concat(byGoal[goal.Id].SelectMany(o => breakdowns[(o.Goal, o.Unit)]).SelectMany(b => b.Segments).Select(s => new FigureRow(s.Value?.AsDouble, []))));
                foreach (var o in byGoal[goal.Id])
                {
                    var name = first ? $"{(o.Scheduled ? "[yellow]★[/] " : "  ")}{Markup.Escape(goal.Name.For(lang))} [grey]({goal.TypeLetter})[/]" : "";
                    first = false;
                    var unit = units[o.Unit];
                    table.AddRow(
                        name,
                        Markup.Escape(new string(' ', unit.Depth * 2) + unit.Name),
                        column.Value(o.Value),
                        Markup.Escape(column.Target(o.Target)),
                        o.Comparison is { } c ? column.Value(c) : "",
                        Status(o.Status, lang) + (o.Band is { } band ? $" [grey]·[/] {Markup.Escape(band.For(lang))}" : ""));
                    foreach (var breakdown in breakdowns[(o.Goal, o.Unit)])
                        foreach (var segment in breakdown.Segments)
                            table.AddRow(
                                "",
                                $"{new string(' ', unit.Depth * 2 + 2)}[grey]{Markup.Escape(breakdown.Dimension)}:[/] {Markup.Escape(Key(segment.Key, lang))}",
                                column.Value(segment.Value),
                                "", "", "");
                }
            }
            console.Write(table);
        }
        var counts = evaluation.Outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count());
        // At risk is counted where a goal has a warning zone: the summary of other goal files stays as it was.
        var statuses = Statuses.InOrder.Where(s => s != Core.Evaluation.Status.AtRisk || counts.ContainsKey(s) || file.Goals.Any(g => g.Target.Warning is not null));
        console.MarkupLine(string.Join("   ", statuses.Select(s => $"{Status(s, lang)}: {counts.GetValueOrDefault(s)}")));
    }

    /// <summary>A segment's key as a reader says it: the empty key as "(tomt)", booleans as ja/nej.</summary>
    private static string Key(object? key, Language lang) => key switch
    {
        null => lang.Pick("(tomt)", "(empty)"),
        bool b => b ? lang.Pick("ja", "yes") : lang.Pick("nej", "no"),
        decimal d => d.ToString(lang.IsEnglish ? System.Globalization.CultureInfo.InvariantCulture : Figures.Numbers(lang)),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    /// <summary>The status's name in its colour; the colours are the terminal's nearest to the report's.</summary>
    private static string Status(Core.Evaluation.Status s, Language lang) => $"[{s switch
    {
        Core.Evaluation.Status.Met => "green",
        Core.Evaluation.Status.NotMet => "red",
        Core.Evaluation.Status.NoData => "grey",
        Core.Evaluation.Status.AtRisk => "darkorange",
        _ => "yellow",
    }}]{Markup.Escape(Statuses.Name(s, lang))}[/]";
}
