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
    SourceLocation Location)
{
    /// <summary>What <see cref="Pattern"/> stands for, in words, for the import's errors; null: the pattern itself is shown.</summary>
    public string? PatternMeaning { get; init; }
}

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

    /// <summary>How often the dataset is expected to be imported: <c>weekly</c>, <c>monthly</c> or <c>quarterly</c>; null when not said.</summary>
    public string? Cadence { get; init; }

    public static readonly string[] Cadences = ["weekly", "monthly", "quarterly"];

    /// <summary>When an import made at <paramref name="importedAtUtc"/> is overdue by the cadence (null: no cadence).</summary>
    public DateTime? DueAfter(DateTime importedAtUtc) => Cadence switch
    {
        "weekly" => importedAtUtc.AddDays(7),
        "monthly" => importedAtUtc.AddMonths(1),
        "quarterly" => importedAtUtc.AddMonths(3),
        _ => null,
    };
}

/// <summary>Which dataset holds the unit tree, and which of its columns say what.</summary>
public sealed record UnitTree(string Dataset, string Id, string Parent, string? Name, string? Regions, string RegionSeparator, SourceLocation Location)
{
    /// <summary>
    /// Values of the datasets' unit columns that stand for a unit of the tree (organisation number → unit id): a file
    /// exported with the company's organisation number as its unit (an SIE file) is read as one of one's own units.
    /// </summary>
    public IReadOnlyDictionary<string, string> Organisations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

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
    public string For(Presentation.Language language) => language.Pick(Swedish, English);
}

public sealed record GoalArea(string Id, LocalizedText Name);

public enum LevelSetBy { Owners, Board }

public enum TargetRuleKind { AtLeast, AtMost, Between, Exactly, AboveComparison, BelowComparison }

/// <summary>
/// How a goal's value is judged. Levels are fixed numbers or, when <see cref="FromBoard"/> (or <see cref="FromBudget"/>)
/// is set, the level of the target_levels dataset for the unit and period; <see cref="Phased"/> scales an annual level
/// linearly to the share of the year passed.
/// </summary>
public sealed record TargetRule(TargetRuleKind Kind, decimal? Level, decimal? Low, decimal? High, bool FromBoard, bool Phased)
{
    public bool NeedsComparison => Kind is TargetRuleKind.AboveComparison or TargetRuleKind.BelowComparison;

    /// <summary><c>level: budget</c>: the level of the target_levels dataset, for a goal of any type.</summary>
    public bool FromBudget { get; init; }

    /// <summary>Whether the level is read from the target_levels dataset (the board's or the budget's).</summary>
    public bool FromDataset => FromBoard || FromBudget;

    /// <summary><c>phasing: sum</c>: a period without a level of its own gets the sum of the levels of the periods inside it.</summary>
    public bool Sums { get; init; }

    /// <summary>The edge of the warning zone of an at_least or at_most target (<c>warning: 52</c>): values between it and the level are at risk.</summary>
    public decimal? Warning { get; init; }

    /// <summary>Ordered bands, each but the last with an upper bound; empty when the target has none.</summary>
    public IReadOnlyList<Band> Bands { get; init; } = [];

    /// <summary>Whether the bands measure the achievement (100 × value / level) or the value itself.</summary>
    public BandsOn BandsOn { get; init; }
}

public enum BandsOn { Achievement, Value }

/// <summary>One band of a target: the values below <see cref="Below"/> (and at or above the band before); the last band has no bound.</summary>
public sealed record Band(decimal? Below, LocalizedText Label);

/// <summary>A unit id a goal is followed in (with its subtree), and where it is written.</summary>
public sealed record GoalUnit(string Id, SourceLocation Location);

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
    SourceLocation Location,
    LocalizedText? Description = null)
{
    public string TypeLetter => LevelSetBy == LevelSetBy.Owners ? "Ä" : "S";

    /// <summary>The dimensions the goal's value is broken down by (<c>loans.phase</c>), as written.</summary>
    public IReadOnlyList<BreakdownEntry> Breakdown { get; init; } = [];

    /// <summary>The units (with their subtrees) the goal is followed in (<c>units: [id, …]</c>); empty: every unit.</summary>
    public IReadOnlyList<GoalUnit> Units { get; init; } = [];

    /// <summary>Whether the <see cref="Units"/> bring their subtrees (<c>subunits: false</c>: the named units only).</summary>
    public bool Subunits { get; init; } = true;

    /// <summary>The goal this one serves (<c>serves:</c>): an operational goal names the strategic goal it contributes to.</summary>
    public GoalReference? Serves { get; init; }

    /// <summary>The day by which the goal is to be met (<c>deadline:</c>, a date or the last day of a period).</summary>
    public DateOnly? Deadline { get; init; }
}

/// <summary>A goal id as written in another goal (<c>serves: customers</c>), and where.</summary>
public sealed record GoalReference(string Id, SourceLocation Location);

/// <summary>A breakdown dimension as written in a goal: dataset.column, and where.</summary>
public sealed record BreakdownEntry(string Text, SourceLocation Location);

/// <summary>
/// Where the target levels lie: a dataset with a goal, unit and level column, and either a year column or a period
/// column (text: 2026-03, 2026-Q2, 2026), or both (a row then names its period in one of them).
/// </summary>
public sealed record TargetLevelSource(string Dataset, string Goal, string Unit, string? Year, string Level, SourceLocation Location)
{
    public string? Period { get; init; }
}
