using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Binding;

/// <summary>Where an expression is bound: what its names mean and what it may contain.</summary>
internal abstract record BindScope;

/// <summary>A metric's value per unit.</summary>
internal sealed record UnitScope : BindScope;

/// <summary>A value computed once per period for all units (the latest fiscal year, say).</summary>
internal sealed record ScalarScope : BindScope;

/// <summary>One row of a dataset, inside an aggregation; other datasets are reached along 'references'.</summary>
internal sealed record RowScope(Dataset Dataset) : BindScope;

/// <summary>A group of rows (the 'per' clause): only the group's columns and inner aggregates.</summary>
internal sealed record GroupScope(RowScope Rows, IReadOnlyList<Column> Per) : BindScope;

/// <summary>One entity of a population, inside an aggregation over it.</summary>
internal sealed record EntityScope(Population Population, Dataset Entity) : BindScope;

/// <summary>The member rows of one entity (loans and efforts of a customer), inside first(…) and the like.</summary>
internal sealed record MemberScope(EntityScope Entity) : BindScope;

/// <summary>Function parameters bound to the caller's expressions (and the caller's own bindings).</summary>
internal sealed record Env(Formula Formula, IReadOnlyDictionary<string, (Language.Expr Arg, Env Outer)> Bindings, int Depth)
{
    public static Env For(Formula formula) => new(formula, new Dictionary<string, (Language.Expr, Env)>(), 0);
    public Diagnostics.SourceLocation At(Language.Expr e) => Formula.Locate(e.Pos);
}
