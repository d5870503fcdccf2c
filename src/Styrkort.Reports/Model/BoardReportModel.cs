using Language = Styrkort.Core.Presentation.Language;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;

namespace Styrkort.Reports;

/// <summary>
/// Everything a quarterly board report shows, asked of the evaluator once. Renderers only lay it out, so the PDF,
/// the workbook and the web page cannot disagree on a number.
/// </summary>
public sealed record BoardReportModel(
    string Organisation,
    UnitInfo Unit,
    Period Period,
    Language Language,
    DateOnly ProducedOn,
    IReadOnlyList<AreaSection> Areas,
    IReadOnlyList<SharedDefinition> SharedDefinitions,
    IReadOnlyList<DataSource> Sources)
{
    /// <summary>The goals the board sees this quarter, in the order of the report.</summary>
    public IReadOnlyList<GoalSection> Goals { get; } = Areas.SelectMany(a => a.Goals).ToList();

    public bool English => Language.IsEnglish;

    /// <summary>
    /// Per goal of the report, the units of its table (the report unit and the subunits it is followed in) without an
    /// analysis for the quarter; null when the caller keeps no check-ins (<see cref="BoardReportOptions.ListMissingCheckIns"/>).
    /// </summary>
    public IReadOnlyList<MissingCheckIns>? MissingCheckIns { get; init; }
}

/// <summary>A goal of the report and the units of its table that lack the goal owner's analysis (of <paramref name="Expected"/>).</summary>
public sealed record MissingCheckIns(int Number, string GoalId, string GoalName, string? Owner, IReadOnlyList<UnitInfo> Units, int Expected);

/// <summary>A goal area with the goals of it that the board sees this quarter.</summary>
public sealed record AreaSection(string Id, string Name, IReadOnlyList<GoalSection> Goals);

/// <summary>
/// One goal on the board's agenda: its result for the report unit and its subunits, its history, the quarter the board
/// last saw it in (changes are against that report), and its definition.
/// </summary>
public sealed record GoalSection(
    int Number,
    string Id,
    string Name,
    string AreaName,
    string TypeLetter,
    string? MeasureUnit,
    bool Yearly,
    IReadOnlyList<int> BoardQuarters,
    UnitResult Result,
    IReadOnlyList<UnitResult> Subunits,
    IReadOnlyList<HistoryPoint> History,
    Period PreviousReport,
    GoalDefinition Definition,
    IReadOnlyList<GoalCheckIn> CheckIns)
{
    /// <summary>The name of the strategic goal this goal serves (<c>serves:</c>), its owner and deadline, where set.</summary>
    public string? Serves { get; init; }
    public string? Owner { get; init; }
    public DateOnly? Deadline { get; init; }

    /// <summary>
    /// "Vad förändrades": what drove the report unit's value since the board last saw the goal (<see cref="PreviousReport"/>),
    /// in the report's language (the sentence of <see cref="Core.Insights.ChangeExplainer"/>); null when not asked for or
    /// the value did not change.
    /// </summary>
    public string? WhatChanged { get; init; }

    /// <summary>How far the goal stands under the goals of its section it serves: operational goals are set in under their strategic goal.</summary>
    public int Depth { get; init; }

    /// <summary>" · Serves: … · Owner: … · Deadline: …" for the goal's heading line, empty when none is set.</summary>
    public string Structure(ReportText t) =>
        (Serves is { } s ? $" · {t.Serves}: {s}" : "") + (Owner is { } o ? $" · {t.Owner}: {o}" : "") +
        (Deadline is { } d ? $" · {t.Deadline}: {ReportFormat.Date(d)}" : "");
}

/// <summary>A goal's outcome for one unit in the report period, and how it moved since the board last saw the goal.</summary>
public sealed record UnitResult(
    UnitInfo Unit,
    Quantity? Value,
    double? Comparison,
    Status Status,
    AppliedTarget Target,
    PreviousReport? Previous)
{
    /// <summary>The band of the target the value fell in; null when the goal has no bands or there is no value.</summary>
    public Core.GoalFiles.LocalizedText? Band { get; init; }

    /// <summary>Value minus the previous report's value; exact when both are exact.</summary>
    public Quantity? Change => Previous?.Value is { } before && Value is { } now
        ? before.Exact is { } b && now.Exact is { } n ? new Quantity(n - b, null) : new Quantity(null, now.AsDouble - before.AsDouble)
        : null;
}

/// <summary>The outcome the board saw the last time the goal was on its agenda.</summary>
public sealed record PreviousReport(Period Period, Quantity? Value, Status Status);

/// <summary>One point of a goal's chart: a quarter, or for yearly goals a year (its fourth quarter).</summary>
public sealed record HistoryPoint(Period Period, string Label, Quantity? Value, double? Comparison, Status Status, AppliedTarget Target);

/// <summary>
/// What a goal measures, as the goal file defines it: in plain words (<see cref="Description"/>, the goal's own in the
/// report's language, else its metric's), as a formula, and the datasets its numbers come from.
/// </summary>
public sealed record GoalDefinition(
    string Metric,
    string? Label,
    string? Description,
    string Formula,
    string? ComparisonMetric,
    string? ComparisonFormula,
    string TargetRule,
    IReadOnlyList<string> Datasets);

public enum SharedDefinitionKind { Parameter, Value, Function, Population }

/// <summary>A parameter, value, function or population of the goal file that the goals' formulas name.</summary>
public sealed record SharedDefinition(SharedDefinitionKind Kind, string Name, string Text, string? Description);

/// <summary>A dataset behind the numbers: the file it was last imported from, and when.</summary>
public sealed record DataSource(string Dataset, string? Description, string File, long Rows, string Sha256, DateTime ImportedAtUtc, long Batch)
{
    public string FileName => System.IO.Path.GetFileName(File);
    public string Folder => System.IO.Path.GetDirectoryName(File) ?? "";
}
