using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;
using Styrkort.Reports.Building;

namespace Styrkort.Reports;

/// <summary>Builds the quarterly board report of a unit: the goals the board sees that quarter, as the evaluator judges them.</summary>
public static class BoardReport
{
    public static BoardReportModel Build(GoalFile file, IWarehouse warehouse, Period quarter, BoardReportOptions? options = null)
    {
        options ??= new BoardReportOptions();
        if (quarter.Kind != PeriodKind.Quarter)
            throw new ArgumentException($"a board report is made for a quarter (such as {quarter.Year}-Q2), not '{quarter}'");
        var lang = options.Language;

        // In the order of the goal tree: an operational goal right after the strategic goal it serves (file order without serves).
        var tree = GoalStructure.Tree(file);
        var scheduled = tree.Select(x => x.Goal).Where(g => TargetJudge.Scheduled(g, quarter)).ToList();
        var evaluations = ReportEvaluations.Run(file, warehouse, quarter, scheduled, options.Unit, options.DecidedLevels);
        var unit = evaluations.Unit;
        var subunits = evaluations.Current.Units.Where(u => u.Id != unit.Id).ToList();
        var definitions = new Definitions(file, lang);
        // What a board member asks: what changed since the board last saw the goal, not since the quarter before.
        var changes = !options.ExplainChanges ? null
            : options.Changes ?? new Core.Insights.ChangeExplainer(file, warehouse).Explain(
                evaluations.Current with { Outcomes = evaluations.Current.Outcomes.Where(o => o.Unit == unit.Id).ToList() }, [],
                Core.Insights.ChangeSince.Board, CancellationToken.None);

        var number = 0;
        var areas = new List<AreaSection>();
        foreach (var area in Areas(file))
        {
            var sections = new List<GoalSection>();
            // A goal followed in some units only is reported where it is followed: not in a unit above them, and for
            // the subunits it is followed in.
            foreach (var goal in scheduled.Where(g => g.Area == area.Id && evaluations.Find(quarter, g.Id, unit.Id) is not null))
            {
                var previous = ReportCalendar.PreviousReport(goal, quarter);
                UnitResult Result(UnitInfo u)
                {
                    var o = evaluations.Find(quarter, goal.Id, u.Id)!;
                    var before = evaluations.Find(previous, goal.Id, u.Id);
                    return new UnitResult(u, o.Value, o.Comparison, o.Status, o.Target,
                        before is null ? null : new PreviousReport(previous, before.Value, before.Status)) { Band = o.Band };
                }
                var yearly = ReportCalendar.IsYearly(goal);
                var history = ReportCalendar.History(goal, quarter)
                    .Select(p => (Period: p, Outcome: evaluations.Find(p, goal.Id, unit.Id)!))
                    .Select(x => new HistoryPoint(x.Period, ReportFormat.Period(x.Period, lang, yearly), x.Outcome.Value, x.Outcome.Comparison, x.Outcome.Status, x.Outcome.Target))
                    .ToList();
                var checkIns = options.CheckIns.Where(c => c.Goal == goal.Id && c.Unit == unit.Id && c.Period == quarter).ToList();
                sections.Add(new GoalSection(++number, goal.Id, goal.Name.For(lang), area.Name.For(lang), goal.TypeLetter,
                    file.Metrics[goal.Metric].Unit, yearly, goal.BoardQuarters.Order().ToList(), Result(unit),
                    subunits.Where(u => evaluations.Find(quarter, goal.Id, u.Id) is not null).Select(Result).ToList(), history, previous, definitions.For(goal), checkIns)
                {
                    Serves = GoalStructure.Served(file, goal)?.Name.For(lang),
                    Owner = goal.Owner,
                    Deadline = goal.Deadline,
                    Depth = Depth(goal, scheduled.Where(g => g.Area == area.Id).ToList(), file),
                    WhatChanged = changes?.GetValueOrDefault((goal.Id, unit.Id)) is { } change && change.To == quarter ? change.Sentence.For(lang) : null,
                });
            }
            if (sections.Count > 0) areas.Add(new AreaSection(area.Id, area.Name.For(lang), sections));
        }

        var today = DateOnly.FromDateTime(options.Clock.GetLocalNow().DateTime);
        var model = new BoardReportModel(file.Organisation, unit, quarter, lang, today, areas, definitions.Shared(), ImportHistory.Latest(file, warehouse));
        return options.ListMissingCheckIns ? model with { MissingCheckIns = Missing(model, options.CheckIns) } : model;
    }

    /// <summary>The units of each goal's table without a written analysis (a blank one counts as missing) for the quarter.</summary>
    private static IReadOnlyList<MissingCheckIns> Missing(BoardReportModel model, IReadOnlyList<GoalCheckIn> checkIns)
    {
        var written = checkIns.Where(c => c.Period == model.Period && !string.IsNullOrWhiteSpace(c.Analysis))
            .Select(c => (c.Goal, c.Unit)).ToHashSet();
        return model.Goals
            .Select(g => (Goal: g, Units: g.Subunits.Prepend(g.Result).Select(r => r.Unit).ToList()))
            .Select(x => new MissingCheckIns(x.Goal.Number, x.Goal.Id, x.Goal.Name, x.Goal.Owner,
                x.Units.Where(u => !written.Contains((x.Goal.Id, u.Id))).ToList(), x.Units.Count))
            .Where(m => m.Units.Count > 0)
            .ToList();
    }

    /// <summary>How many goals of the same section the goal stands under, serving each the next: 0 when it serves none of them.</summary>
    private static int Depth(Goal goal, IReadOnlyList<Goal> section, GoalFile file)
    {
        var depth = 0;
        for (var at = GoalStructure.Served(file, goal); at is not null && section.Contains(at) && depth < section.Count; at = GoalStructure.Served(file, at))
            depth++;
        return depth;
    }

    /// <summary>The goal file's areas; a file without an area list groups by the area names its goals use.</summary>
    private static IReadOnlyList<GoalArea> Areas(GoalFile file) =>
        file.Areas.Count > 0 ? file.Areas : file.Goals.Select(g => g.Area).Distinct().Select(a => new GoalArea(a, new LocalizedText(a, a))).ToList();
}
