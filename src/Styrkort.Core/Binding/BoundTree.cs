using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

/// <summary>
/// The bound tree: a formula with every name resolved and every type known, independent of the period and of any
/// SQL dialect. Function calls of the goal file are expanded and metric references inlined, so the planner sees only
/// these nodes. Immutable; built once per goal file by the <see cref="Binder"/>.
/// </summary>
public abstract record BoundExpr(ValueType Type)
{
    /// <summary>The allowed values, where the expression is a code column (they sort in the goal file's order).</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    public bool IsNumeric => Type is ValueType.Integer or ValueType.Decimal or ValueType.Number or ValueType.Null;
}

/// <summary>A constant: null, bool, long, decimal or string.</summary>
public sealed record BoundLiteral(object? Value, ValueType Type) : BoundExpr(Type);

/// <summary>An expression that could not be bound; its error is among the diagnostics. Typed empty so that nothing cascades.</summary>
public sealed record BoundError() : BoundExpr(ValueType.Null);

/// <summary>period.year, .quarter, .month, .start, .end, .days, .months: known once the period is.</summary>
public sealed record BoundPeriodVariable(string Name, ValueType Type) : BoundExpr(Type);

/// <summary>A named value of the goal file: one scalar per period.</summary>
public sealed record BoundValueReference(string Name, ValueType Type) : BoundExpr(Type);

/// <summary>Where a column is read, relative to the aggregation around it.</summary>
public enum ColumnSite
{
    /// <summary>A row of the aggregated dataset.</summary>
    Row,
    /// <summary>The one row of a dataset that the aggregated row references (a many-to-one join).</summary>
    Referenced,
    /// <summary>A 'per' column of a two-step aggregation.</summary>
    Group,
    /// <summary>The entity of a population.</summary>
    Entity,
    /// <summary>A member row of an entity (a customer's loans and efforts).</summary>
    Member,
}

/// <param name="Via">For <see cref="ColumnSite.Referenced"/>: the column of the aggregated row that references <paramref name="Dataset"/>.</param>
/// <param name="MemberTime">For <see cref="ColumnSite.Member"/>: the member row's time rather than a member column.</param>
public sealed record BoundColumn(ColumnSite Site, Dataset Dataset, Column Column, ValueType Type, Column? Via = null, bool MemberTime = false) : BoundExpr(Type);

/// <summary>DateShift: a date plus or minus whole days; DateDifference: the days from one date to another.</summary>
public enum BinaryKind { And, Or, Compare, Divide, WideMultiply, Arithmetic, DateShift, DateDifference }

public sealed record BoundUnary(string Op, BoundExpr Operand) : BoundExpr(Op == "not" ? ValueType.Boolean : Operand.Type);

/// <param name="Op">The operator as written (=, !=, &lt;, +, …).</param>
public sealed record BoundBinary(BinaryKind Kind, string Op, BoundExpr Left, BoundExpr Right, ValueType Type) : BoundExpr(Type);

public sealed record BoundIn(BoundExpr Value, IReadOnlyList<BoundExpr> Items, bool Negated) : BoundExpr(ValueType.Boolean);

public sealed record BoundIsEmpty(BoundExpr Value, bool Negated) : BoundExpr(ValueType.Boolean);

public sealed record BoundIf(BoundExpr Condition, BoundExpr Then, BoundExpr Else, ValueType Type) : BoundExpr(Type);

/// <summary>A built-in scalar function (<see cref="Builtins"/>).</summary>
public sealed record BoundCall(Builtin Function, IReadOnlyList<BoundExpr> Args, ValueType Type) : BoundExpr(Type);

/// <summary>at(dataset.column, key = value, …): the column of the one row keyed by the entity and the given key values.</summary>
public sealed record BoundLookup(Dataset Dataset, Column Column, Column Via, IReadOnlyList<BoundLookupKey> Keys, ValueType Type) : BoundExpr(Type);

public sealed record BoundLookupKey(Column Column, BoundExpr Value);

/// <summary>An order key of first(…)/last(…); codes order by their place in the goal file.</summary>
public sealed record BoundOrderKey(BoundExpr Value, bool Descending);

/// <summary>
/// An aggregation. <see cref="Filter"/> is its 'where': for an aggregation over a dataset it selects the rows (in a
/// two-step aggregation, the rows before grouping), for one over a population the entities, inside a two-step or member
/// aggregation the rows of that aggregate only.
/// </summary>
public sealed record BoundAggregate(
    Builtin Function,
    BoundExpr? Argument,
    BoundExpr? Filter,
    IReadOnlyList<BoundOrderKey> OrderBy,
    AggregateInput Input,
    ValueType Type) : BoundExpr(Type);

/// <summary>What an aggregation reads.</summary>
public abstract record AggregateInput;

/// <summary>The rows of a dataset (grouped by reporting unit when the dataset has a unit column), in a window.</summary>
/// <param name="Time">The column the window applies to: of the row, or of the row it references ('on customers.acquired_on').</param>
/// <param name="Per">The group columns of a two-step aggregation: the argument is then bound over the groups.</param>
public sealed record DatasetInput(Dataset Dataset, bool PerUnit, BoundWindow? Window, BoundColumn? Time, IReadOnlyList<Column>? Per) : AggregateInput;

/// <summary>The entities of a population per unit, in a window where the population is made of member rows.</summary>
public sealed record PopulationInput(Population Population, Dataset Entity, BoundWindow? Window) : AggregateInput;

/// <summary>The rows of one group, inside a two-step aggregation.</summary>
public sealed record GroupRowsInput : AggregateInput
{
    public static readonly GroupRowsInput Instance = new();
}

/// <summary>The member rows of one entity, inside an aggregation over a population.</summary>
public sealed record MemberRowsInput : AggregateInput
{
    public static readonly MemberRowsInput Instance = new();
}

/// <summary>A window relative to the reporting period, resolved to dates by the planner.</summary>
public abstract record BoundWindow;

public sealed record NamedWindow(string Name) : BoundWindow;         // ytd, period, to_date
public sealed record RollingWindow(int Months) : BoundWindow;
public sealed record MonthsWindow(int From, int To) : BoundWindow;
public sealed record YearWindow(BoundExpr Year) : BoundWindow;
public sealed record LatestBoundWindow(IReadOnlyList<string> Columns) : BoundWindow;

public enum CalendarStep { Day, Month }

/// <summary>
/// A window relative to each row's own date rather than to the period: the rows whose time t has
/// anchor + From ≤ t &lt; anchor + To, in days or in months (added as add_months does, clamped at month ends).
/// </summary>
/// <param name="Anchor">A date of the aggregated row or of a row it references.</param>
public sealed record AnchoredWindow(BoundExpr Anchor, CalendarStep Step, int From, int To) : BoundWindow;
