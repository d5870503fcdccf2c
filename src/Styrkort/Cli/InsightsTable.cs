using System.Globalization;
using Spectre.Console;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Cli;

/// <summary>
/// Below the outcomes of <c>evaluate</c>: the year-end forecast of each goal and unit (or why there is none: "för kort
/// historik"), the anomalies, and what drove each change — only the sections asked for.
/// </summary>
internal static class InsightsTable
{
    public static void Write(IAnsiConsole console, GoalFile file, Evaluation evaluation, CliInsights insights, Core.Presentation.Language lang)
    {
        var sv = !lang.IsEnglish;
        var units = evaluation.Units.ToDictionary(u => u.Id, u => u.Name);
        var goals = file.Goals.ToDictionary(g => g.Id);
        if (insights.Forecasts is { } forecasts)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]{(sv ? "Prognos för årets slut" : "Forecast for the year's end")} ({evaluation.Period.EndYear})[/]");
            table.AddColumns(sv ? "Mål" : "Goal", sv ? "Enhet" : "Unit", sv ? "Prognos" : "Forecast", sv ? "80 % intervall" : "80 % interval",
                sv ? "Chans att nå målet" : "Chance of meeting the target");
            foreach (var column in table.Columns.Skip(2)) column.RightAligned();
            foreach (var o in evaluation.Outcomes)
            {
                if (!forecasts.TryGetValue((o.Goal, o.Unit), out var f)) continue;
                var unit = file.Metrics[goals[o.Goal].Metric].Unit;
                var name = Markup.Escape(goals[o.Goal].Name.For(lang));
                if (f.Forecast is not { } x)
                {
                    table.AddRow(name, Markup.Escape(units[o.Unit]), $"[grey]{Markup.Escape(f.NotForecast!.For(lang))}[/]", "", "");
                    continue;
                }
                table.AddRow(name, Markup.Escape(units[o.Unit]), SwedishFormat.Value(x.Value, unit, lang),
                    x.Low == x.High ? sv ? "känt" : "known" : $"{SwedishFormat.Value(x.Low, unit, lang)} – {SwedishFormat.Value(x.High, unit, lang)}",
                    x.ProbabilityMet is { } p ? (100 * p).ToString("0", sv ? SwedishFormat.Numbers : CultureInfo.InvariantCulture) + " %" : sv ? "ingen nivå" : "no level");
            }
            console.Write(table);
        }
        if (insights.Anomalies is { } anomalies)
        {
            console.MarkupLine($"[bold]{(sv ? "Avvikelser" : "Anomalies")}[/]" + (anomalies.Count == 0 ? sv ? ": inga" : ": none" : ""));
            foreach (var o in evaluation.Outcomes)
                if (anomalies.TryGetValue((o.Goal, o.Unit), out var a))
                    console.MarkupLine($"  [darkorange]![/] {Markup.Escape(goals[o.Goal].Name.For(lang))}, {Markup.Escape(units[o.Unit])}: {Markup.Escape(a.Reason.For(lang))}");
        }
        if (insights.Changes is { } changes)
        {
            // Since the board's last look, each goal has its own period: the sentences name it.
            var board = insights.ChangesSince == Core.Insights.ChangeSince.Board;
            var heading = board ? sv ? "sedan styrelsen senast såg målet" : "since the board last saw it" : $"{(sv ? "sedan" : "since")} {evaluation.Period.Previous()}";
            console.MarkupLine($"[bold]{(sv ? "Vad drev förändringen" : "What drove the change")} ({heading})[/]");
            foreach (var o in evaluation.Outcomes)
                if (changes.TryGetValue((o.Goal, o.Unit), out var c))
                    console.MarkupLine("  " + Markup.Escape(c.Sentence.For(lang)));
        }
    }
}
