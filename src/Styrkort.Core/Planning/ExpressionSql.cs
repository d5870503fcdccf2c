using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Planning;

/// <summary>
/// What the names of a bound expression mean where it is written into SQL: each plan node supplies its own (a row of a
/// dataset, an entity, a unit's aggregates), so that the same bound tree renders in every node that needs it.
/// </summary>
internal abstract class SqlContext
{
    public abstract SqlExpr Column(BoundColumn column);
    /// <param name="es">The renderer of the period being written: a context may be shared by several periods.</param>
    public virtual SqlExpr Aggregate(BoundAggregate aggregate, ExpressionSql es) => throw new InvalidOperationException($"no aggregate here: {aggregate.Function.Name}");
    public virtual SqlExpr Lookup(BoundLookup lookup, ExpressionSql es) => throw new InvalidOperationException("no lookup here");
}

/// <summary>Writes a bound expression as a SQL tree, in the exact shapes the metric language defines.</summary>
internal sealed class ExpressionSql(PeriodScalars scalars)
{
    public PeriodScalars Scalars => scalars;

    public SqlExpr Render(BoundExpr e, SqlContext ctx)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return e switch
        {
            BoundLiteral l => Lit(l.Value),
            BoundPeriodVariable p => scalars.Period(p.Name),
            BoundValueReference v => scalars.Value(v.Name),
            BoundColumn c => ctx.Column(c),
            BoundUnary { Op: "not" } u => new SqlUnary("NOT", Render(u.Operand, ctx)),
            BoundUnary u => new SqlUnary("-", Render(u.Operand, ctx)),
            BoundBinary b => Binary(b, ctx),
            // Two-valued logic: a comparison with an empty value is false, never unknown.
            BoundIn i => Func("coalesce", new SqlIn(Render(i.Value, ctx), i.Items.Select(x => Render(x, ctx)).ToList(), i.Negated), Lit(false)),
            BoundIsEmpty i => new SqlIsNull(Render(i.Value, ctx), i.Negated),
            BoundCall c => c.Function.Spell(c.Args.Select(a => Render(a, ctx)).ToList()),
            BoundLookup l => ctx.Lookup(l, this),
            BoundAggregate a => ctx.Aggregate(a, this),
            _ => throw new InvalidOperationException($"cannot render {e.GetType().Name}; the goal file has errors"),
        };
    }

    private SqlExpr Binary(BoundBinary b, SqlContext ctx)
    {
        var left = Render(b.Left, ctx);
        var right = Render(b.Right, ctx);
        switch (b.Kind)
        {
            case BinaryKind.And: return new SqlBinary("AND", left, right);
            case BinaryKind.Or: return new SqlBinary("OR", left, right);
            case BinaryKind.Compare: return Func("coalesce", new SqlBinary(b.Op == "!=" ? "<>" : b.Op, left, right), Lit(false));
            case BinaryKind.Divide:
                // Safe division: nothing divided by zero is no value, not an error.
                return new SqlBinary("/", new SqlCast(left, SqlType.Double), Func("nullif", new SqlCast(right, SqlType.Double), Lit(0.0)));
            case BinaryKind.WideMultiply:
                // Amounts are stored with 18 digits; a product (1331 × net revenue) is computed with 38 so it cannot overflow.
                SqlExpr Wide(BoundExpr t, SqlExpr sql) => t.Type == ValueType.Decimal ? new SqlCast(sql, SqlType.Decimal) : sql;
                return new SqlBinary("*", Wide(b.Left, left), Wide(b.Right, right));
            // INTEGER days: PostgreSQL adds only an integer to a date (date + bigint does not exist).
            case BinaryKind.DateShift: return new SqlBinary(b.Op, left, new SqlCast(right, SqlType.Integer));
            // PostgreSQL's date − date is an integer, DuckDB's a BIGINT: one type for both.
            case BinaryKind.DateDifference: return new SqlCast(new SqlBinary("-", left, right), SqlType.BigInt);
            default: return new SqlBinary(b.Op, left, right);
        }
    }

    /// <summary>An aggregate function applied to its rendered argument, with its order and filter.</summary>
    public SqlExpr AggregateCall(BoundAggregate a, SqlContext argument, SqlContext? filter)
    {
        if (a.Argument is null) return new SqlFunc("count_star", [], Filter: Filter(a, filter));
        var call = (SqlFunc)a.Function.Spell([Render(a.Argument, argument)]);
        if (a.Function.Ordered)
            call = call with { OrderBy = a.OrderBy.Select(k => OrderKey(k, argument)).ToList() };
        return call with { Filter = Filter(a, filter) };
    }

    private SqlExpr? Filter(BoundAggregate a, SqlContext? ctx) => a.Filter is { } f && ctx is not null ? Render(f, ctx) : null;

    private SqlExpr OrderKey(BoundOrderKey key, SqlContext ctx)
    {
        var ordered = OrderValue(key, ctx);
        return key.Descending ? new SqlDesc(ordered) : ordered;
    }

    // Codes sort in the order the goal file lists them (start < expansion < established), not alphabetically.
    public SqlExpr OrderValue(BoundOrderKey key, SqlContext ctx)
    {
        var sql = Render(key.Value, ctx);
        return key.Value.Codes is { } codes
            ? new SqlCase(codes.Select((code, i) => ((SqlExpr)Eq(sql, Lit(code)), Lit((long)i))).ToList(), null)
            : sql;
    }

    /// <summary>What an aggregate is when nothing was aggregated, applied to the value read from its node.</summary>
    public static SqlExpr WhenEmpty(BoundAggregate a, SqlExpr value) =>
        a.Function.WhenEmpty == Binding.WhenEmpty.Zero ? Func("coalesce", value, Lit(0L)) : value;
}
