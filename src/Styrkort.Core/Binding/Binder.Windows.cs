using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;

using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Binding;

internal sealed partial class Binder
{
    public const string WindowHelp = "ytd, period, to_date, rolling(N), months(from, to), year(expression), latest or latest(column, …)";

    /// <summary>The windows relative to each row's own date, for messages.</summary>
    private const string AnchoredHelp = "months_after(anchor, from, to) or days_after(anchor, from, to)";

    /// <summary>
    /// A window as written; the planner turns it into dates for each period. <paramref name="rows"/> is the dataset
    /// aggregated, whose rows a window relative to each row's own date (months_after, days_after) reads its anchor from;
    /// null where there are no such rows (a population).
    /// </summary>
    private BoundWindow BindWindow(Expr expr, Env env, Dataset? rows = null)
    {
        var (name, args) = expr switch
        {
            NameRef { Parts.Count: 1 } n => (n.Parts[0].ToLowerInvariant(), (IReadOnlyList<Expr>)[]),
            Call c when c.Clauses.IsEmpty => (c.Name, c.Args),
            _ => throw new StyrkortException(env.At(expr), $"expected a window: {WindowHelp}"),
        };
        int IntArg(int i, int limit = Limits.WindowMonths, string unit = "months")
        {
            if (i >= args.Count) throw new StyrkortException(env.At(expr), $"{name}(…) needs {i + 1} whole-number argument(s)");
            var a = args[i];
            // A constant (a parameter, a function's blank, -n + 1) is folded here; anything read from data is refused.
            var v = WholeConstant(a, env)
                ?? throw new StyrkortException(env.At(a), $"expected a whole number in {name}(…)" +
                                                          (Constant(a, env) is null ? $"; it must be known before any data is read: {ConstantHelp}" : ""));
            // Far enough for any follow-up, and near enough that the dates stay within the calendar.
            if (Math.Abs(v) > limit)
                throw new StyrkortException(env.At(a), $"a window reaches at most {limit} {unit} from the period");
            return (int)v;
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
            case "months_after" or "days_after":
                return Anchored(name, expr, args, env, rows, IntArg);
            default:
                throw new StyrkortException(env.At(expr), $"unknown window '{name}'; expected {WindowHelp}; or, relative to each row's own date, {AnchoredHelp}");
        }
    }

    /// <summary>months_after(anchor, from, to), days_after(anchor, from, to): anchor + from ≤ time &lt; anchor + to, per row.</summary>
    private AnchoredWindow Anchored(string name, Expr expr, IReadOnlyList<Expr> args, Env env, Dataset? rows, Func<int, int, string, int> intArg)
    {
        if (rows is null)
            throw new StyrkortException(env.At(expr), $"{name}(…) is relative to each row's own date: it is a window of an aggregation over a dataset, not over a population");
        if (args.Count != 3)
            throw new StyrkortException(env.At(expr), $"{name}(anchor, from, to) takes a date of the row and two whole numbers, e.g. {name}(customers.acquired_on, 0, 3)");
        var anchor = Bind(args[0], new RowScope(rows), env);
        if (anchor.Type != ValueType.Date && anchor is not BoundError)
            throw new StyrkortException(env.At(args[0]), $"expected a date as the anchor of {name}(…), found {Typed.Describe(anchor.Type)}");
        var months = name == "months_after";
        var (from, to) = months
            ? (intArg(1, Limits.WindowMonths, "months"), intArg(2, Limits.WindowMonths, "months"))
            : (intArg(1, Limits.WindowMonths * 31, "days"), intArg(2, Limits.WindowMonths * 31, "days"));
        if (from >= to)
            throw new StyrkortException(env.At(expr), $"{name}(anchor, from, to) needs from < to: the rows from anchor + from up to, not including, anchor + to");
        return new AnchoredWindow(anchor, months ? CalendarStep.Month : CalendarStep.Day, from, to);
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
