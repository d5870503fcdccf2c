namespace Styrkort.Core.Sql;

/// <summary>A small SQL syntax tree: the metric compiler builds it, a <see cref="SqlDialect"/> turns it into text.</summary>
public abstract record SqlExpr;

public sealed record SqlColumn(string? Table, string Name) : SqlExpr;
/// <summary>A constant: null, bool, long, decimal, double, string or DateOnly.</summary>
public sealed record SqlLiteral(object? Value) : SqlExpr;
public sealed record SqlBinary(string Op, SqlExpr Left, SqlExpr Right) : SqlExpr;
public sealed record SqlUnary(string Op, SqlExpr Operand) : SqlExpr;
public sealed record SqlCase(IReadOnlyList<(SqlExpr When, SqlExpr Then)> Whens, SqlExpr? Else) : SqlExpr;
public sealed record SqlIn(SqlExpr Value, IReadOnlyList<SqlExpr> Items, bool Negated) : SqlExpr;
public sealed record SqlIsNull(SqlExpr Value, bool Negated) : SqlExpr;
public sealed record SqlCast(SqlExpr Value, SqlType Type) : SqlExpr;
public sealed record SqlScalarSubquery(SqlSelect Select) : SqlExpr;
/// <summary>A constant cast to the type the database gave it (a named value read before the plan): <c>CAST(2024 AS INTEGER)</c>.</summary>
public sealed record SqlTypedLiteral(object? Value, string TypeName) : SqlExpr;

/// <summary>
/// A function by its portable name (sum, count, avg, median, min, max, coalesce, nullif, make_date, abs, first_by,
/// regexp_full_match…); the dialect spells it. OrderBy and Filter apply to aggregates.
/// </summary>
public sealed record SqlFunc(string Name, IReadOnlyList<SqlExpr> Args, bool Distinct = false,
    IReadOnlyList<SqlExpr>? OrderBy = null, SqlExpr? Filter = null) : SqlExpr;

public sealed record SqlWindow(SqlFunc Function, IReadOnlyList<SqlExpr> PartitionBy) : SqlExpr;
public sealed record SqlStar(string? Table) : SqlExpr;
/// <summary>Descending order, inside an ORDER BY list.</summary>
public sealed record SqlDesc(SqlExpr Value) : SqlExpr;

public enum SqlType { Boolean, BigInt, Decimal, Double, Text, Date, Integer }

public abstract record SqlSource(string Alias);
public sealed record SqlTable(string Name, string Alias) : SqlSource(Alias);
public sealed record SqlDerived(SqlQueryBody Query, string Alias) : SqlSource(Alias);

public enum SqlJoinKind { Inner, Left }
public sealed record SqlJoin(SqlJoinKind Kind, SqlSource Source, SqlExpr On);

public sealed record SqlSelectItem(SqlExpr Expr, string? Alias);

public abstract record SqlQueryBody;

public sealed record SqlSelect(
    IReadOnlyList<SqlSelectItem> Items,
    SqlSource? From,
    IReadOnlyList<SqlJoin> Joins,
    SqlExpr? Where = null,
    IReadOnlyList<SqlExpr>? GroupBy = null,
    bool Distinct = false,
    IReadOnlyList<SqlExpr>? OrderBy = null,
    long? Limit = null) : SqlQueryBody;

public sealed record SqlUnion(IReadOnlyList<SqlQueryBody> Parts, bool All) : SqlQueryBody;

public sealed record SqlCte(string Name, SqlQueryBody Body, bool Materialized);

public sealed record SqlQuery(IReadOnlyList<SqlCte> Ctes, SqlQueryBody Body);

public static class Sql
{
    public static SqlExpr Col(string table, string name) => new SqlColumn(table, name);
    public static SqlExpr Lit(object? value) => new SqlLiteral(value);
    public static SqlExpr And(SqlExpr? a, SqlExpr? b) => a is null ? b ?? Lit(true) : b is null ? a : new SqlBinary("AND", a, b);
    public static SqlExpr Eq(SqlExpr a, SqlExpr b) => new SqlBinary("=", a, b);
    public static SqlExpr Func(string name, params SqlExpr[] args) => new SqlFunc(name, args);
}
