using Styrkort.Core.Compilation;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

public enum BuiltinKind { Scalar, Aggregate, Lookup }

/// <summary>What an aggregate is when it has no rows: 0 (a sum, a count) or no value (a mean, a median, a share…).</summary>
public enum WhenEmpty { NoValue, Zero }

/// <summary>
/// A built-in function of the metric language: everything the binder and the planner need to know about it, so that a
/// new function is one entry here. <see cref="Type"/> checks the arguments' types (through <see cref="ArgumentCheck"/>,
/// which reports at the argument) and gives the result's; <see cref="Spell"/> writes it in the SQL tree, which each
/// dialect renders in its own words.
/// </summary>
public sealed record Builtin(
    string Name,
    BuiltinKind Kind,
    int MinArgs,
    int MaxArgs,
    string Usage,
    Func<ArgumentCheck, ValueType> Type,
    Func<IReadOnlyList<SqlExpr>, SqlExpr> Spell,
    WhenEmpty WhenEmpty = WhenEmpty.NoValue,
    IReadOnlyList<int>? WholeArguments = null)
{
    /// <summary>The arguments that are whole numbers, where a constant (a parameter, 2 * n) is folded into one.</summary>
    public IReadOnlyList<int> Whole => WholeArguments ?? [];

    /// <summary>first(…) and last(…) take 'by', the order of the rows.</summary>
    public bool Ordered => Name is "first" or "last";
}

/// <summary>The arguments of a call being bound, with the means to refuse one of them where it is written.</summary>
public abstract class ArgumentCheck
{
    public abstract IReadOnlyList<BoundExpr> Args { get; }
    public abstract string Function { get; }

    /// <summary>Refuses the call (<paramref name="argument"/> &lt; 0) or one argument.</summary>
    public abstract Exception Fail(int argument, string message);

    public BoundExpr this[int i] => Args[i];

    public void Numeric(int i, string where)
    {
        if (!Args[i].IsNumeric) throw Fail(i, $"expected a number {where}, found {Describe(Args[i].Type)}");
    }

    public void Is(int i, ValueType type, string where)
    {
        if (Args[i].Type != type && Args[i].Type != ValueType.Null)
            throw Fail(i, $"expected {Describe(type)} {where}, found {Describe(Args[i].Type)}");
    }

    public static string Describe(ValueType type) => Typed.Describe(type);
}

public static class Builtins
{
    // Anchored, so that it is a full match in every dialect (PostgreSQL's regular-expression match is a search).
    private const string DecimalPattern = @"^\s*-?[0-9]+(\.[0-9]+)?\s*$";

    private static readonly Builtin[] All =
    [
        new("if", BuiltinKind.Scalar, 2, 3, "if(condition, then, else) takes 2 or 3 arguments", IfType,
            a => new SqlCase([(a[0], a[1])], a.Count == 3 ? a[2] : Lit(null))),
        new("coalesce", BuiltinKind.Scalar, 2, int.MaxValue, "coalesce(…) takes two or more arguments", Unified, a => new SqlFunc("coalesce", a)),
        new("abs", BuiltinKind.Scalar, 1, 1, "abs(…) takes one argument", c => { c.Numeric(0, "in abs(…)"); return c[0].Type; },
            a => Func("abs", a[0])),
        new("round", BuiltinKind.Scalar, 1, 2, "round(x) or round(x, decimals)", RoundType,
            a => Func("round", a[0], a.Count == 2 ? a[1] : Lit(0L)), WholeArguments: [1]),
        new("least", BuiltinKind.Scalar, 2, int.MaxValue, "least(…) takes two or more arguments", Unified, a => new SqlFunc("least", a)),
        new("greatest", BuiltinKind.Scalar, 2, int.MaxValue, "greatest(…) takes two or more arguments", Unified, a => new SqlFunc("greatest", a)),
        // number(text): the text read as a number ('0351' is 351); no value when it is not one, never an error.
        new("number", BuiltinKind.Scalar, 1, 1, "number(text) takes one argument", c => { c.Is(0, ValueType.Text, "in number(…)"); return ValueType.Number; },
            a => new SqlCase([(Func("regexp_full_match", a[0], Lit(DecimalPattern)), new SqlCast(Func("trim", a[0]), SqlType.Double))], null)),
        // left(text, n): the first n characters; INTEGER, since PostgreSQL has left(text, int) only.
        new("left", BuiltinKind.Scalar, 2, 2, "left(text, n) takes a text and a number of characters", LeftType,
            a => Func("left", a[0], new SqlCast(a[1], SqlType.Integer)), WholeArguments: [1]),
        // Dates: add_months clamps at month ends (2024-01-31 + 1 month is 2024-02-29) and stays a DATE in both engines.
        new("add_months", BuiltinKind.Scalar, 2, 2, "add_months(date, n) takes a date and a whole number of months", AddMonthsType,
            a => new SqlCast(new SqlFunc("add_months", [a[0], new SqlCast(a[1], SqlType.Integer)]), SqlType.Date), WholeArguments: [1]),
        new("days_between", BuiltinKind.Scalar, 2, 2, "days_between(a, b) takes two dates", c => TwoDates(c, "days_between"),
            a => new SqlCast(new SqlBinary("-", a[1], a[0]), SqlType.BigInt)),
        new("months_between", BuiltinKind.Scalar, 2, 2, "months_between(a, b) takes two dates", c => TwoDates(c, "months_between"),
            a => MonthsBetween(a[0], a[1])),
        new("year_of", BuiltinKind.Scalar, 1, 1, "year_of(date) takes one date", c => OfDate(c, "year_of"), a => DatePart("year", a[0])),
        new("month_of", BuiltinKind.Scalar, 1, 1, "month_of(date) takes one date", c => OfDate(c, "month_of"), a => DatePart("month", a[0])),
        new("day_of", BuiltinKind.Scalar, 1, 1, "day_of(date) takes one date", c => OfDate(c, "day_of"), a => DatePart("day", a[0])),
        new("at", BuiltinKind.Lookup, 1, int.MaxValue, "at(dataset.column, key = value, …)", _ => ValueType.Null, _ => throw new InvalidOperationException()),

        new("sum", BuiltinKind.Aggregate, 1, 1, "sum(…) takes one argument, then its clauses",
            c => { c.Numeric(0, "in sum(…)"); return c[0].Type == ValueType.Null ? ValueType.Integer : c[0].Type; },
            a => Func("sum", a[0]), WhenEmpty.Zero),
        new("count", BuiltinKind.Aggregate, 0, 1, "count(…) takes one argument, then its clauses", _ => ValueType.Integer,
            a => a.Count == 0 ? new SqlFunc("count_star", []) : Func("count", a[0]), WhenEmpty.Zero),
        new("count_distinct", BuiltinKind.Aggregate, 1, 1, "count_distinct(…) takes one argument, then its clauses", _ => ValueType.Integer,
            a => new SqlFunc("count", [a[0]], Distinct: true), WhenEmpty.Zero),
        new("mean", BuiltinKind.Aggregate, 1, 1, "mean(…) takes one argument, then its clauses", c => { c.Numeric(0, "in mean(…)"); return ValueType.Number; },
            a => Func("avg", new SqlCast(a[0], SqlType.Double))),
        new("avg", BuiltinKind.Aggregate, 1, 1, "avg(…) takes one argument, then its clauses", c => { c.Numeric(0, "in avg(…)"); return ValueType.Number; },
            a => Func("avg", new SqlCast(a[0], SqlType.Double))),
        new("median", BuiltinKind.Aggregate, 1, 1, "median(…) takes one argument, then its clauses", c => { c.Numeric(0, "in median(…)"); return ValueType.Number; },
            a => Func("median", new SqlCast(a[0], SqlType.Double))),
        new("min", BuiltinKind.Aggregate, 1, 1, "min(…) takes one argument, then its clauses", c => c[0].Type, a => Func("min", a[0])),
        new("max", BuiltinKind.Aggregate, 1, 1, "max(…) takes one argument, then its clauses", c => c[0].Type, a => Func("max", a[0])),
        new("share", BuiltinKind.Aggregate, 1, 1, "share(…) takes one argument, then its clauses",
            c => { c.Is(0, ValueType.Boolean, "in share(…), the condition whose share is counted"); return ValueType.Number; },
            a => Func("avg", new SqlCase([(a[0], new SqlCast(Lit(1L), SqlType.Double))], new SqlCast(Lit(0L), SqlType.Double)))),
        // The order (a[1…]) is attached by the planner as the aggregate's ORDER BY.
        new("first", BuiltinKind.Aggregate, 1, 1, "first(…) takes one argument, then its clauses", c => c[0].Type, a => Func("first_by", a[0])),
        new("last", BuiltinKind.Aggregate, 1, 1, "last(…) takes one argument, then its clauses", c => c[0].Type, a => Func("first_by", a[0])),
    ];

    private static readonly Dictionary<string, Builtin> ByName = All.ToDictionary(b => b.Name, StringComparer.Ordinal);

    public static IReadOnlyList<Builtin> Functions => All;

    public static Builtin? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool IsAggregate(string name) => Find(name)?.Kind == BuiltinKind.Aggregate;

    public static Builtin CountStar => ByName["count"];

    /// <summary>The names, for "unknown function" messages.</summary>
    public static string Names => string.Join(", ", All.Select(b => b.Name).Where(n => n != "avg"));

    private static ValueType IfType(ArgumentCheck c)
    {
        c.Is(0, ValueType.Boolean, "as the condition of if");
        return c.Args.Count == 3 ? Unify(c, c[1], c[2]) : Unify(c, c[1], new BoundLiteral(null, ValueType.Null));
    }

    private static ValueType Unified(ArgumentCheck c) =>
        c.Args.Skip(1).Aggregate(c[0].Type, (t, a) => Unify(c, new BoundLiteral(null, t), a, t));

    private static ValueType Unify(ArgumentCheck c, BoundExpr a, BoundExpr b, ValueType? aType = null)
    {
        var ta = aType ?? a.Type;
        var numeric = ta is ValueType.Integer or ValueType.Decimal or ValueType.Number or ValueType.Null;
        if (numeric && b.IsNumeric) return Widest(ta, b.Type);
        if (ta == b.Type || b.Type == ValueType.Null) return ta;
        if (ta == ValueType.Null) return b.Type;
        throw c.Fail(-1, $"the alternatives have different types: {ArgumentCheck.Describe(ta)} and {ArgumentCheck.Describe(b.Type)}");
    }

    internal static ValueType Widest(ValueType a, ValueType b) =>
        a == ValueType.Number || b == ValueType.Number ? ValueType.Number
        : a == ValueType.Decimal || b == ValueType.Decimal ? ValueType.Decimal
        : a == ValueType.Null ? b : b == ValueType.Null ? a : ValueType.Integer;

    private static ValueType RoundType(ArgumentCheck c)
    {
        c.Numeric(0, "in round(…)");
        if (c.Args.Count == 2 && c[1].Type != ValueType.Integer) throw c.Fail(-1, "round(x, decimals) needs a whole number of decimals");
        return c[0].Type;
    }

    private static ValueType AddMonthsType(ArgumentCheck c)
    {
        c.Is(0, ValueType.Date, "in add_months(…)");
        if (c[1].Type is not (ValueType.Integer or ValueType.Null)) throw c.Fail(1, "add_months(date, n) needs a whole number of months");
        return ValueType.Date;
    }

    private static ValueType TwoDates(ArgumentCheck c, string name)
    {
        c.Is(0, ValueType.Date, $"as the first argument of {name}(…)");
        c.Is(1, ValueType.Date, $"as the second argument of {name}(…)");
        return ValueType.Integer;
    }

    private static ValueType OfDate(ArgumentCheck c, string name)
    {
        c.Is(0, ValueType.Date, $"in {name}(…)");
        return ValueType.Integer;
    }

    // date_part is BIGINT in DuckDB, double precision in PostgreSQL.
    private static SqlExpr DatePart(string part, SqlExpr date) => new SqlCast(Func("date_part", Lit(part), date), SqlType.BigInt);

    /// <summary>
    /// Whole months from a to b, as Excel's DATEDIF(a, b, "m") and as an age is counted: the calendar months between them,
    /// less one when b's day of the month has not reached a's (2026-01-31 to 2026-02-28 is 0); negative, symmetrically, when b &lt; a.
    /// </summary>
    /// <remarks>
    /// k = 32 × (calendar months from a to b) + (b's day − a's day): the days differ by at most 30, so k / 32 truncated
    /// toward zero is the calendar months, one fewer where the day has not been reached, on either side of zero. Each
    /// date is written three times, not fifteen as a CASE over the months would.
    /// </remarks>
    private static SqlExpr MonthsBetween(SqlExpr a, SqlExpr b)
    {
        SqlExpr Minus(string part) => new SqlBinary("-", DatePart(part, b), DatePart(part, a));
        var months = new SqlBinary("+", new SqlBinary("*", Minus("year"), Lit(12L)), Minus("month"));
        var k = new SqlBinary("+", new SqlBinary("*", months, Lit(32L)), Minus("day"));
        return new SqlCast(Func("trunc", new SqlBinary("/", new SqlCast(k, SqlType.Double), Lit(32.0))), SqlType.BigInt);
    }

    private static ValueType LeftType(ArgumentCheck c)
    {
        c.Is(0, ValueType.Text, "in left(…)");
        if (c[1].Type != ValueType.Integer) throw c.Fail(1, "left(text, n) needs a whole number of characters");
        return ValueType.Text;
    }
}
