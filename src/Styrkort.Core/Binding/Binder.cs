using System.Globalization;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

/// <summary>
/// Resolves the names and checks the types of every formula of a goal file, once, into the immutable
/// <see cref="BoundExpr"/> tree. An error does not stop it: the expression that holds it binds as
/// <see cref="BoundError"/> (typed empty, so that its parents raise nothing more) and the error joins the diagnostics,
/// so that a goal file's errors are reported together.
/// </summary>
internal sealed partial class Binder(GoalFile file)
{
    private static readonly HashSet<string> Comparisons = ["=", "!=", "<", "<=", ">", ">="];

    private readonly List<StyrkortException> _diagnostics = [];
    private readonly HashSet<(SourceLocation, string)> _reported = [];
    private readonly Dictionary<Formula, Expr> _parsed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, BoundExpr> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BoundExpr> _metrics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BoundExpr> _populations = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _inProgress = new(StringComparer.OrdinalIgnoreCase);

    private GoalFile File => file;

    public IReadOnlyList<StyrkortException> Diagnostics => _diagnostics;
    public IReadOnlyDictionary<string, BoundExpr> Values => _values;
    public IReadOnlyDictionary<string, BoundExpr> Metrics => _metrics;
    public IReadOnlyDictionary<string, BoundExpr> PopulationConditions => _populations;

    /// <summary>Binds every value, metric and population condition; errors are collected, not thrown.</summary>
    public void BindAll()
    {
        foreach (var name in File.Values.Keys) BindValue(name, null, null);
        foreach (var name in File.Metrics.Keys) BindMetric(name, null, null);
        foreach (var population in File.Populations.Values) PopulationCondition(population);
    }

    private void Report(StyrkortException e)
    {
        if (_reported.Add((e.Location, e.Reason))) _diagnostics.Add(e);
    }

    /// <summary>The syntax tree of a formula, parsed once.</summary>
    private Expr Parse(Formula formula)
    {
        if (!_parsed.TryGetValue(formula, out var expr))
        {
            expr = Parser.Parse(formula.Text, formula.Locate);
            _parsed[formula] = expr;
        }
        return expr;
    }

    private BoundExpr BindMetric(string name, NameRef? at, Env? env)
    {
        if (_metrics.TryGetValue(name, out var done)) return done;
        var metric = File.Metrics[name];
        if (!_inProgress.Add("metric:" + name))
            throw new StyrkortException(at is null ? metric.Formula.Location : env!.At(at), $"metric '{name}' refers to itself");
        BoundExpr bound;
        try
        {
            bound = Bind(Parse(metric.Formula), new UnitScope(), Env.For(metric.Formula));
            if (!bound.IsNumeric)
            {
                Report(new StyrkortException(metric.Formula.Location, $"metric '{metric.Name}' must be a number, but is {Typed.Describe(bound.Type)}"));
                bound = new BoundError();
            }
        }
        catch (StyrkortException e)
        {
            Report(e);
            bound = new BoundError();
        }
        finally
        {
            _inProgress.Remove("metric:" + name);
        }
        _metrics[name] = bound;
        return bound;
    }

    private BoundExpr BindValue(string name, NameRef? at, Env? env)
    {
        if (_values.TryGetValue(name, out var done)) return done;
        // A value checked on its own is not marked: a cycle is then reported where it closes, at the name that closes it.
        if (at is not null && !_inProgress.Add("value:" + name))
            throw new StyrkortException(env!.At(at), $"value '{name}' refers to itself");
        BoundExpr bound;
        try
        {
            var formula = File.Values[name];
            bound = Bind(Parse(formula), new ScalarScope(), Env.For(formula));
        }
        catch (StyrkortException e)
        {
            Report(e);
            bound = new BoundError();
        }
        finally
        {
            if (at is not null) _inProgress.Remove("value:" + name);
        }
        _values[name] = bound;
        return bound;
    }

    /// <summary>The population's own 'where', bound over its entity; null when it has none.</summary>
    internal BoundExpr? PopulationCondition(Population population)
    {
        if (population.Where is not { } pw) return null;
        if (_populations.TryGetValue(population.Name, out var done)) return done;
        BoundExpr bound;
        try
        {
            var scope = new EntityScope(population, File.Datasets[population.Entity]);
            bound = Bind(Parse(pw), scope, Env.For(pw));
            if (bound.Type != ValueType.Boolean && bound is not BoundError)
            {
                Report(new StyrkortException(pw.Location, $"the 'where' of population '{population.Name}' must be a condition"));
                bound = new BoundError();
            }
        }
        catch (StyrkortException e)
        {
            Report(e);
            bound = new BoundError();
        }
        _populations[population.Name] = bound;
        return bound;
    }

    private BoundExpr Bind(Expr e, BindScope s, Env env)
    {
        try
        {
            // Formulas are at most Limits.FormulaDepth deep, but goal-file functions expand inside each other.
            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
                throw new StyrkortException(env.At(e), "the formula nests too deeply once its functions are expanded; simplify it");
            return BindNode(e, s, env);
        }
        catch (StyrkortException error)
        {
            Report(error);
            return new BoundError();
        }
    }

    private BoundExpr BindNode(Expr e, BindScope s, Env env) => e switch
    {
        NumberLiteral n => Number(n, env),
        StringLiteral str => new BoundLiteral(str.Value, ValueType.Text),
        BooleanLiteral b => new BoundLiteral(b.Value, ValueType.Boolean),
        NullLiteral => new BoundLiteral(null, ValueType.Null),
        Unary u => BindUnary(u, s, env),
        Binary b => BindBinary(b, s, env),
        InList i => BindIn(i, s, env),
        IsEmpty i => new BoundIsEmpty(Bind(i.Value, s, env), i.Negated),
        NameRef n => BindName(n, s, env),
        Call c => BindCall(c, s, env),
        _ => throw new StyrkortException(env.At(e), "unsupported expression"),
    };

    private static BoundLiteral Number(NumberLiteral n, Env env)
    {
        if (!n.Text.Contains('.', StringComparison.Ordinal) && long.TryParse(n.Text, CultureInfo.InvariantCulture, out var l))
            return new BoundLiteral(l, ValueType.Integer);
        return decimal.TryParse(n.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? new BoundLiteral(d, ValueType.Decimal)
            : throw new StyrkortException(env.At(n), "the number is too large or too precise; at most 28 digits");
    }

    private BoundExpr BindUnary(Unary u, BindScope s, Env env)
    {
        var operand = Bind(u.Operand, s, env);
        if (u.Op == "not")
        {
            Require(operand, ValueType.Boolean, u.Operand, env, "after 'not'");
            return new BoundUnary("not", operand);
        }
        RequireNumeric(operand, u.Operand, env, "after '-'");
        return new BoundUnary("-", operand) { Codes = operand.Codes };
    }

    private BoundExpr BindBinary(Binary b, BindScope s, Env env)
    {
        var left = Bind(b.Left, s, env);
        var right = Bind(b.Right, s, env);
        if (b.Op is "and" or "or")
        {
            Require(left, ValueType.Boolean, b.Left, env, $"on the left of '{b.Op}'");
            Require(right, ValueType.Boolean, b.Right, env, $"on the right of '{b.Op}'");
            return new BoundBinary(b.Op == "and" ? BinaryKind.And : BinaryKind.Or, b.Op, left, right, ValueType.Boolean);
        }
        if (Comparisons.Contains(b.Op))
        {
            CheckComparable(left, right, b, env);
            return new BoundBinary(BinaryKind.Compare, b.Op, left, right, ValueType.Boolean);
        }
        if (b.Op is "+" or "-" && (left.Type == ValueType.Date || right.Type == ValueType.Date)) return DateArithmetic(b, left, right, env);
        RequireNumeric(left, b.Left, env, $"on the left of '{b.Op}'");
        RequireNumeric(right, b.Right, env, $"on the right of '{b.Op}'");
        if (b.Op == "/") return new BoundBinary(BinaryKind.Divide, "/", left, right, ValueType.Number);
        // A product with a double-precision number is one too (Widest): typed exact, it would be cut to 6 decimals.
        if (b.Op == "*" && (left.Type == ValueType.Decimal || right.Type == ValueType.Decimal)
            && left.Type != ValueType.Number && right.Type != ValueType.Number)
            return new BoundBinary(BinaryKind.WideMultiply, "*", left, right, ValueType.Decimal);
        return new BoundBinary(BinaryKind.Arithmetic, b.Op, left, right, Builtins.Widest(left.Type, right.Type));
    }

    /// <summary>
    /// A date plus or minus whole days is a date (the days first, 30 + period.end, is the same); a date minus a date is
    /// the number of days from the second to the first.
    /// </summary>
    private BoundExpr DateArithmetic(Binary b, BoundExpr left, BoundExpr right, Env env)
    {
        if (left.Type == ValueType.Date && right.Type == ValueType.Date)
            return b.Op == "-"
                ? new BoundBinary(BinaryKind.DateDifference, "-", left, right, ValueType.Integer)
                : throw new StyrkortException(env.At(b), "cannot add two dates; add a whole number of days (period.end + 30), or subtract them for the days between (b - a)");
        if (right.Type != ValueType.Date) return new BoundBinary(BinaryKind.DateShift, b.Op, left, Days(right, b.Right, b.Op, "right"), ValueType.Date);
        RequireNumeric(left, b.Left, env, $"on the left of '{b.Op}'");
        if (b.Op == "-")
            throw new StyrkortException(env.At(b.Right), "expected a number on the right of '-', found a date; " +
                                                         "a number of days is subtracted from a date (period.end - 30), and two dates give the days between (b - a)");
        return new BoundBinary(BinaryKind.DateShift, "+", right, Days(left, b.Left, "+", "left"), ValueType.Date);

        // A date moves by whole days: an integer, or a constant that is one (a parameter of 30.0).
        BoundExpr Days(BoundExpr days, Expr at, string op, string side)
        {
            RequireNumeric(days, at, env, $"on the {side} of '{op}'");
            if (days.Type is ValueType.Integer or ValueType.Null) return days;
            return AsWhole(days) is { Type: ValueType.Integer } whole ? whole
                : throw new StyrkortException(env.At(at), $"expected a whole number of days on the {side} of '{op}', found {Typed.Describe(days.Type)}; a date moves by whole days");
        }
    }

    private BoundExpr BindIn(InList i, BindScope s, Env env)
    {
        var value = Bind(i.Value, s, env);
        var items = i.Items.Select(item =>
        {
            var t = Bind(item, s, env);
            CheckComparable(value, t, item, env);
            return t;
        }).ToList();
        return new BoundIn(value, items, i.Negated);
    }

    private static void CheckComparable(BoundExpr left, BoundExpr right, Expr at, Env env)
    {
        var ok = (left.IsNumeric && right.IsNumeric) || left.Type == right.Type || left.Type == ValueType.Null || right.Type == ValueType.Null;
        if (!ok) throw new StyrkortException(env.At(at), $"cannot compare {Typed.Describe(left.Type)} with {Typed.Describe(right.Type)}");
        foreach (var (code, literal) in new[] { (left, right), (right, left) })
            if (code.Codes is { } codes && literal is BoundLiteral { Value: string v } && !codes.Contains(v))
                throw new StyrkortException(env.At(at), $"'{v}' is not one of the codes {string.Join(", ", codes)}");
    }

    private static void Require(BoundExpr t, ValueType type, Expr at, Env env, string where)
    {
        if (t.Type != type && t.Type != ValueType.Null)
            throw new StyrkortException(env.At(at), $"expected {Typed.Describe(type)} {where}, found {Typed.Describe(t.Type)}");
    }

    private static void RequireNumeric(BoundExpr t, Expr at, Env env, string where)
    {
        if (!t.IsNumeric) throw new StyrkortException(env.At(at), $"expected a number {where}, found {Typed.Describe(t.Type)}");
    }

    private static bool Same(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Follows function parameters to the expression the caller passed.</summary>
    private static (Expr Expr, Env Env) Unbind(Expr e, Env env)
    {
        while (e is NameRef { Parts.Count: 1 } n && env.Bindings.TryGetValue(n.Parts[0], out var bound))
            (e, env) = (bound.Arg, bound.Outer);
        return (e, env);
    }
}
