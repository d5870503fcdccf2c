using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>
/// Type-checks metric-language expressions and compiles them to the SQL tree, for one metric and one period.
/// Aggregations become CTEs grouped by reporting unit (through the unit closure), so that a single query yields
/// the metric for every unit.
/// </summary>
internal sealed partial class ExpressionCompiler(GoalFile file, Period period)
{
    private static readonly HashSet<string> AggregateNames = ["sum", "count", "count_distinct", "mean", "avg", "median", "min", "max", "share", "first", "last"];
    private static readonly HashSet<string> Comparisons = ["=", "!=", "<", "<=", ">", ">="];

    private readonly List<SqlCte> _ctes = [];
    private readonly List<SqlJoin> _unitJoins = [];
    private readonly Dictionary<string, Typed> _valueTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _inProgress = new(StringComparer.OrdinalIgnoreCase);
    private int _counter;

    private GoalFile File => file;
    private Period Period => period;
    private string NextName(string prefix) => $"{prefix}{++_counter}";

    public IReadOnlyList<SqlCte> Ctes => _ctes;
    public IReadOnlyList<SqlJoin> UnitJoins => _unitJoins;

    public Typed CompileMetric(Metric metric)
    {
        _inProgress.Add("metric:" + metric.Name);
        var env = Env.For(metric.Formula);
        var expr = Parser.Parse(metric.Formula.Text, metric.Formula.Locate);
        var result = Compile(expr, new UnitScope(), env);
        _inProgress.Remove("metric:" + metric.Name);
        if (!result.IsNumeric) throw new StyrkortException(metric.Formula.Location, $"metric '{metric.Name}' must be a number, but is {Typed.Describe(result.Type)}");
        return result;
    }

    public Typed CompileScalarFormula(Formula formula) =>
        Compile(Parser.Parse(formula.Text, formula.Locate), new ScalarScope(), Env.For(formula));

    private Typed Compile(Expr e, Scope s, Env env)
    {
        // Formulas are at most Limits.FormulaDepth deep, but goal-file functions expand inside each other.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new StyrkortException(env.At(e), "the formula nests too deeply once its functions are expanded; simplify it");
        return CompileNode(e, s, env);
    }

    private Typed CompileNode(Expr e, Scope s, Env env) => e switch
    {
        NumberLiteral n => Number(n, env),
        StringLiteral str => new Typed(Sql.Sql.Lit(str.Value), ValueType.Text),
        BooleanLiteral b => new Typed(Sql.Sql.Lit(b.Value), ValueType.Boolean),
        NullLiteral => new Typed(Sql.Sql.Lit(null), ValueType.Null),
        Unary u => CompileUnary(u, s, env),
        Binary b => CompileBinary(b, s, env),
        InList i => CompileIn(i, s, env),
        IsEmpty i => new Typed(new SqlIsNull(Compile(i.Value, s, env).Sql, i.Negated), ValueType.Boolean),
        NameRef n => CompileName(n, s, env),
        Call c => CompileCall(c, s, env),
        _ => throw new StyrkortException(env.At(e), "unsupported expression"),
    };

    private static Typed Number(NumberLiteral n, Env env)
    {
        if (!n.Text.Contains('.', StringComparison.Ordinal) && long.TryParse(n.Text, CultureInfo.InvariantCulture, out var l))
            return new Typed(Sql.Sql.Lit(l), ValueType.Integer);
        return decimal.TryParse(n.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? new Typed(Sql.Sql.Lit(d), ValueType.Decimal)
            : throw new StyrkortException(env.At(n), "the number is too large or too precise; at most 28 digits");
    }

    private Typed CompileUnary(Unary u, Scope s, Env env)
    {
        var operand = Compile(u.Operand, s, env);
        if (u.Op == "not")
        {
            Require(operand, ValueType.Boolean, u.Operand, env, "after 'not'");
            return new Typed(new SqlUnary("NOT", operand.Sql), ValueType.Boolean);
        }
        RequireNumeric(operand, u.Operand, env, "after '-'");
        return operand with { Sql = new SqlUnary("-", operand.Sql) };
    }

    private Typed CompileBinary(Binary b, Scope s, Env env)
    {
        var left = Compile(b.Left, s, env);
        var right = Compile(b.Right, s, env);
        if (b.Op is "and" or "or")
        {
            Require(left, ValueType.Boolean, b.Left, env, $"on the left of '{b.Op}'");
            Require(right, ValueType.Boolean, b.Right, env, $"on the right of '{b.Op}'");
            return new Typed(new SqlBinary(b.Op.ToUpperInvariant(), left.Sql, right.Sql), ValueType.Boolean);
        }
        if (Comparisons.Contains(b.Op))
        {
            CheckComparable(left, right, b, env);
            // Two-valued logic: a comparison with an empty value is false, never unknown.
            var op = b.Op == "!=" ? "<>" : b.Op;
            return new Typed(Sql.Sql.Func("coalesce", new SqlBinary(op, left.Sql, right.Sql), Sql.Sql.Lit(false)), ValueType.Boolean);
        }
        RequireNumeric(left, b.Left, env, $"on the left of '{b.Op}'");
        RequireNumeric(right, b.Right, env, $"on the right of '{b.Op}'");
        if (b.Op == "/")
        {
            // Safe division: nothing divided by zero is no value, not an error.
            var num = new SqlCast(left.Sql, SqlType.Double);
            var den = Sql.Sql.Func("nullif", new SqlCast(right.Sql, SqlType.Double), Sql.Sql.Lit(0.0));
            return new Typed(new SqlBinary("/", num, den), ValueType.Number);
        }
        // A product with a double-precision number is one too (Widest, below): typed exact, it would be cut to 6 decimals.
        if (b.Op == "*" && (left.Type == ValueType.Decimal || right.Type == ValueType.Decimal)
            && left.Type != ValueType.Number && right.Type != ValueType.Number)
        {
            // Amounts are stored with 18 digits; a product (1331 × net revenue) is computed with 38 so it cannot overflow.
            SqlExpr Wide(Typed t) => t.Type == ValueType.Decimal ? new SqlCast(t.Sql, SqlType.Decimal) : t.Sql;
            return new Typed(new SqlBinary("*", Wide(left), Wide(right)), ValueType.Decimal);
        }
        return new Typed(new SqlBinary(b.Op, left.Sql, right.Sql), Widest(left.Type, right.Type));
    }

    private Typed CompileIn(InList i, Scope s, Env env)
    {
        var value = Compile(i.Value, s, env);
        var items = i.Items.Select(item =>
        {
            var t = Compile(item, s, env);
            CheckComparable(value, t, item, env);
            return t.Sql;
        }).ToList();
        return new Typed(Sql.Sql.Func("coalesce", new SqlIn(value.Sql, items, i.Negated), Sql.Sql.Lit(false)), ValueType.Boolean);
    }

    private static ValueType Widest(ValueType a, ValueType b) =>
        a == ValueType.Number || b == ValueType.Number ? ValueType.Number
        : a == ValueType.Decimal || b == ValueType.Decimal ? ValueType.Decimal
        : a == ValueType.Null ? b : b == ValueType.Null ? a : ValueType.Integer;

    private void CheckComparable(Typed left, Typed right, Expr at, Env env)
    {
        var ok = (left.IsNumeric && right.IsNumeric) || left.Type == right.Type || left.Type == ValueType.Null || right.Type == ValueType.Null;
        if (!ok) throw new StyrkortException(env.At(at), $"cannot compare {Typed.Describe(left.Type)} with {Typed.Describe(right.Type)}");
        foreach (var (code, literal) in new[] { (left, right), (right, left) })
            if (code.Codes is { } codes && literal.Sql is SqlLiteral { Value: string v } && !codes.Contains(v))
                throw new StyrkortException(env.At(at), $"'{v}' is not one of the codes {string.Join(", ", codes)}");
    }

    private static void Require(Typed t, ValueType type, Expr at, Env env, string where)
    {
        if (t.Type != type && t.Type != ValueType.Null)
            throw new StyrkortException(env.At(at), $"expected {Typed.Describe(type)} {where}, found {Typed.Describe(t.Type)}");
    }

    private static void RequireNumeric(Typed t, Expr at, Env env, string where)
    {
        if (!t.IsNumeric) throw new StyrkortException(env.At(at), $"expected a number {where}, found {Typed.Describe(t.Type)}");
    }

    /// <summary>Follows function parameters to the expression the caller passed.</summary>
    private static (Expr Expr, Env Env) Unbind(Expr e, Env env)
    {
        while (e is NameRef { Parts.Count: 1 } n && env.Bindings.TryGetValue(n.Parts[0], out var bound))
            (e, env) = (bound.Arg, bound.Outer);
        return (e, env);
    }
}
