using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.GoalFiles;

/// <summary>The whole goal structure of one organisation, as read from its goal file.</summary>
public sealed record GoalFile(
    string Path,
    string Organisation,
    IReadOnlyDictionary<string, Parameter> Parameters,
    IReadOnlyDictionary<string, Dataset> Datasets,
    UnitTree Units,
    IReadOnlyDictionary<string, Function> Functions,
    IReadOnlyDictionary<string, Formula> Values,
    IReadOnlyDictionary<string, Population> Populations,
    IReadOnlyDictionary<string, Metric> Metrics,
    IReadOnlyList<GoalArea> Areas,
    IReadOnlyList<Goal> Goals,
    TargetLevelSource? TargetLevels)
{
    /// <summary>
    /// The names of entries left out because they held an error (<c>*</c>: a part that could not be read at all): a
    /// use of one of them is not reported again as unknown.
    /// </summary>
    public IReadOnlySet<string> Skipped { get; init; } = new HashSet<string>();
}

/// <summary>
/// What reading a goal file found: the file as far as it could be read (null when it has no unit tree), every error in
/// the order found, and where YAML could not be read on (a syntax error ends what can be read of that file).
/// </summary>
public sealed record GoalFileReading(GoalFile? File, IReadOnlyList<StyrkortException> Errors, IReadOnlyList<SourceLocation> Unreadable);

/// <summary>An expression as written in the goal file, with the means to point at any character of it.</summary>
public sealed record Formula(string Text, SourceLocation Location, Func<int, SourceLocation> Locate);

public sealed record Parameter(string Name, decimal Value, SourceLocation Location);

public sealed record Function(string Name, IReadOnlyList<string> Parameters, Formula Body);

public enum ColumnType { Text, Code, Integer, Decimal, Number, Boolean, Date, Month, Year }

public sealed record Column(
    string Name,
    ColumnType Type,
    bool Nullable,
    IReadOnlyList<string> Codes,
    string? Pattern,
    decimal? Min,
    decimal? Max,
    string? References,
    SourceLocation Location);

public sealed record Dataset(
    string Name,
    string File,
    IReadOnlyList<Column> Columns,
    IReadOnlyList<string> Key,
    string? UnitColumn,
    string? TimeColumn,
    string? Description,
    SourceLocation Location)
{
    public Column? Find(string column) => Columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Which dataset holds the unit tree, and which of its columns say what.</summary>
public sealed record UnitTree(string Dataset, string Id, string Parent, string? Name, string? Regions, string RegionSeparator, SourceLocation Location);

public sealed record PopulationSource(string Dataset, string Time, SourceLocation Location);

/// <summary>
/// A named set of entities (rows of <see cref="Entity"/>), per unit: either the entities met in member datasets
/// within a window, or the entities whose region column lies in the unit's regions.
/// </summary>
public sealed record Population(
    string Name,
    string Entity,
    IReadOnlyList<PopulationSource> Members,
    IReadOnlyList<string> MemberColumns,
    string? RegionColumn,
    Formula? Where,
    string? Description,
    SourceLocation Location);

public sealed record Metric(string Name, Formula Formula, string? Label, string? Description, string? Unit, SourceLocation Location)
{
    /// <summary>The label in Swedish and English, where the goal file gives it as <c>{sv: …, en: …}</c>; <see cref="Label"/> is the Swedish one.</summary>
    public LocalizedText? Labels { get; init; }
}

public sealed record LocalizedText(string Swedish, string English)
{
    public string For(string lang) => lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Swedish;
}

public sealed record GoalArea(string Id, LocalizedText Name);

public enum LevelSetBy { Owners, Board }

public enum TargetRuleKind { AtLeast, AtMost, Between, Exactly, AboveComparison, BelowComparison }

/// <summary>
/// How a goal's value is judged. Levels are fixed numbers or, when <see cref="FromBoard"/> is set, the board's level
/// for the unit and year; <see cref="Phased"/> scales an annual level linearly to the share of the year passed.
/// </summary>
public sealed record TargetRule(TargetRuleKind Kind, decimal? Level, decimal? Low, decimal? High, bool FromBoard, bool Phased)
{
    public bool NeedsComparison => Kind is TargetRuleKind.AboveComparison or TargetRuleKind.BelowComparison;
}

public sealed record Goal(
    string Id,
    LocalizedText Name,
    string Area,
    LevelSetBy LevelSetBy,
    string Metric,
    string? Comparison,
    TargetRule Target,
    IReadOnlySet<int> BoardQuarters,
    string? Owner,
    string? Unit,
    SourceLocation Location,
    LocalizedText? Description = null)
{
    public string TypeLetter => LevelSetBy == LevelSetBy.Owners ? "Ä" : "S";

    /// <summary>The dimensions the goal's value is broken down by (<c>loans.phase</c>), as written.</summary>
    public IReadOnlyList<BreakdownEntry> Breakdown { get; init; } = [];

    /// <summary>The goal this one serves (<c>serves:</c>): an operational goal names the strategic goal it contributes to.</summary>
    public GoalReference? Serves { get; init; }

    /// <summary>The day by which the goal is to be met (<c>deadline:</c>, a date or the last day of a period).</summary>
    public DateOnly? Deadline { get; init; }
}

/// <summary>A goal id as written in another goal (<c>serves: customers</c>), and where.</summary>
public sealed record GoalReference(string Id, SourceLocation Location);

/// <summary>A breakdown dimension as written in a goal: dataset.column, and where.</summary>
public sealed record BreakdownEntry(string Text, SourceLocation Location);

public sealed record TargetLevelSource(string Dataset, string Goal, string Unit, string Year, string Level, SourceLocation Location);
