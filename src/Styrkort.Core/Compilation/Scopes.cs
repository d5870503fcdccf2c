using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>Where an expression is compiled: what its names mean and what it may contain.</summary>
internal abstract class Scope;

/// <summary>Function parameters bound to the caller's expressions (and the caller's own bindings).</summary>
internal sealed record Env(Formula Formula, IReadOnlyDictionary<string, (Language.Expr Arg, Env Outer)> Bindings, int Depth)
{
    public static Env For(Formula formula) => new(formula, new Dictionary<string, (Language.Expr, Env)>(), 0);
    public Diagnostics.SourceLocation At(Language.Expr e) => Formula.Locate(e.Pos);
}

/// <summary>A metric's value per unit: aggregations become CTEs joined on the unit.</summary>
internal sealed class UnitScope : Scope;

/// <summary>A value computed once per period for all units (the latest fiscal year, say).</summary>
internal sealed class ScalarScope : Scope;

/// <summary>One row of a dataset, inside an aggregation. References to other datasets add many-to-one joins.</summary>
internal sealed class RowScope(Dataset dataset, string alias) : Scope
{
    public Dataset Dataset { get; } = dataset;
    public string Alias { get; } = alias;
    public List<SqlJoin> Joins { get; } = [];
    public Dictionary<string, string> JoinAliases { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A group of rows (the <c>per</c> clause): inner aggregates become columns of a grouped subquery.</summary>
internal sealed class GroupScope(RowScope rows, IReadOnlyList<string> perColumns, string alias) : Scope
{
    public RowScope Rows { get; } = rows;
    public IReadOnlyList<string> PerColumns { get; } = perColumns;
    public string Alias { get; } = alias;
    public List<SqlSelectItem> InnerAggregates { get; } = [];
}

/// <summary>One entity of a population, inside an aggregation over it.</summary>
internal sealed class EntityScope(Population population, Dataset entity, string popAlias, string entityAlias) : Scope
{
    public Population Population { get; } = population;
    public Dataset Entity { get; } = entity;
    public string PopAlias { get; } = popAlias;
    public string EntityAlias { get; } = entityAlias;
    public List<SqlJoin> Lookups { get; } = [];
    public Dictionary<string, string> LookupAliases { get; } = new(StringComparer.Ordinal);
    public List<SqlSelectItem> MemberAggregates { get; } = [];
}

/// <summary>The member rows of one entity in a population (loans and efforts of a customer), inside first(…) and the like.</summary>
internal sealed class MemberScope(EntityScope entity, string alias) : Scope
{
    public EntityScope EntityScope { get; } = entity;
    public string Alias { get; } = alias;
}
