using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    public const string WindowHelp = "ytd, period, to_date, rolling(N), months(from, to), year(expression), latest or latest(column, …)";

    /// <summary>A window as written; the planner turns it into dates for each period.</summary>
    private BoundWindow BindWindow(Expr expr, Env env)
    {
        var (name, args) = expr switch
        {
            NameRef { Parts.Count: 1 } n => (n.Parts[0].ToLowerInvariant(), (IReadOnlyList<Expr>)[]),
            Call c when c.Clauses.IsEmpty => (c.Name, c.Args),
            _ => throw new StyrkortException(env.At(expr), $"expected a window: {WindowHelp}"),
        };
        int IntArg(int i)
        {
            if (i >= args.Count) throw new StyrkortException(env.At(expr), $"{name}(…) needs {i + 1} whole-number argument(s)");
            var a = args[i];
            var negative = a is Unary { Op: "-", Operand: NumberLiteral };
            var lit = negative ? (NumberLiteral)((Unary)a).Operand : a as NumberLiteral;
            if (lit is null || !int.TryParse(lit.Text, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw new StyrkortException(env.At(a), $"expected a whole number in {name}(…)");
            // Far enough for any follow-up, and near enough that the dates stay within the calendar.
            if (v > Limits.WindowMonths)
                throw new StyrkortException(env.At(a), $"a window reaches at most {Limits.WindowMonths} months from the period");
            return negative ? -v : v;
        }
        switch (name)
        {
            case "ytd" or "period" or "to_date": return new NamedWindow(name);
            case "rolling":
                var n = IntArg(0);
                if (n < 1) throw new StyrkortException(env.At(expr), "rolling(N) needs N ≥ 1 months");
                return new RollingWindow(n);
            case "months":
                var (from, to) = (IntArg(0), IntArg(1));
                if (from > to) throw new StyrkortException(env.At(expr), "months(from, to) needs from ≤ to (0 is the period's last month)");
                return new MonthsWindow(from, to);
            case "year":
                if (args.Count != 1) throw new StyrkortException(env.At(expr), "year(…) takes one argument, the calendar year");
                var year = Bind(args[0], new ScalarScope(), env);
                if (year.Type is not (ValueType.Integer or ValueType.Decimal) && year is not BoundError)
                    throw new StyrkortException(env.At(args[0]), "year(…) needs a whole number");
                return new YearWindow(year);
            case "latest":
                var columns = args.Select(a => a is NameRef r
                    ? r.Parts[^1]
                    : throw new StyrkortException(env.At(a), "latest(…) takes column names")).ToList();
                return new LatestBoundWindow(columns);
            default:
                throw new StyrkortException(env.At(expr), $"unknown window '{name}'; expected {WindowHelp}");
        }
    }
}

internal sealed partial class Binder
{
    /// <summary>A window bound on its own (for tests): an error is thrown rather than collected.</summary>
    internal static BoundWindow WindowOf(Expr expr, Func<int, SourceLocation> locate)
    {
        var empty = new GoalFile("", "", new Dictionary<string, Parameter>(), new Dictionary<string, Dataset>(),
            new UnitTree("", "", "", null, null, ";", default), new Dictionary<string, Function>(), new Dictionary<string, Formula>(),
            new Dictionary<string, Population>(), new Dictionary<string, Metric>(), [], [], null);
        var binder = new Binder(empty);
        var window = binder.BindWindow(expr, Env.For(new Formula("", locate(0), locate)));
        if (binder.Diagnostics.Count > 0) throw binder.Diagnostics[0];
        return window;
    }
}
