using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>
/// A time window relative to the reporting period. Bounds are inclusive dates; a month column (stored as the first
/// day of its month) and a year column (an integer) are compared at their own grain.
/// </summary>
internal abstract record Window;

internal sealed record RangeWindow(SqlExpr? StartDate, SqlExpr EndDate, SqlExpr? StartYear, SqlExpr EndYear, SqlExpr? StartMonth, SqlExpr EndMonth) : Window
{
    public static RangeWindow Of(DateOnly? start, DateOnly end) => new(
        start is { } s ? Sql.Sql.Lit(s) : null, Sql.Sql.Lit(end),
        start is { } s2 ? Sql.Sql.Lit((long)s2.Year) : null, Sql.Sql.Lit((long)end.Year),
        start is { } s3 ? Sql.Sql.Lit(new DateOnly(s3.Year, s3.Month, 1)) : null, Sql.Sql.Lit(new DateOnly(end.Year, end.Month, 1)));

    public SqlExpr Predicate(SqlExpr column, ColumnType type)
    {
        var (start, end) = type switch
        {
            ColumnType.Year => (StartYear, EndYear),
            ColumnType.Month => (StartMonth, EndMonth),
            _ => (StartDate, EndDate),
        };
        var upper = new SqlBinary("<=", column, end);
        return start is null ? upper : new SqlBinary("AND", new SqlBinary(">=", column, start), upper);
    }
}

/// <summary>The rows at the latest time at or before the period end, per reporting unit or per the given columns.</summary>
internal sealed record LatestWindow(RangeWindow UpTo, IReadOnlyList<string> PartitionColumns) : Window;

internal static class Windows
{
    public const string Help = "ytd, period, to_date, rolling(N), months(from, to), year(expression), latest or latest(column, …)";

    public static Window Resolve(Expr expr, Period period, Func<int, SourceLocation> locate, Func<Expr, Typed> compileScalar)
    {
        var (name, args) = expr switch
        {
            NameRef { Parts.Count: 1 } n => (n.Parts[0].ToLowerInvariant(), (IReadOnlyList<Expr>)[]),
            Call c when c.Clauses.IsEmpty => (c.Name, c.Args),
            _ => throw new StyrkortException(locate(expr.Pos), $"expected a window: {Help}"),
        };
        var lastMonth = new DateOnly(period.End.Year, period.End.Month, 1);
        int IntArg(int i)
        {
            if (i >= args.Count) throw new StyrkortException(locate(expr.Pos), $"{name}(…) needs {i + 1} whole-number argument(s)");
            var a = args[i];
            var negative = a is Unary { Op: "-", Operand: NumberLiteral } u;
            var lit = negative ? (NumberLiteral)((Unary)a).Operand : a as NumberLiteral;
            if (lit is null || !int.TryParse(lit.Text, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw new StyrkortException(locate(a.Pos), $"expected a whole number in {name}(…)");
            // Far enough for any follow-up, and near enough that the dates stay within the calendar.
            if (v > Limits.WindowMonths)
                throw new StyrkortException(locate(a.Pos), $"a window reaches at most {Limits.WindowMonths} months from the period");
            return negative ? -v : v;
        }
        switch (name)
        {
            case "ytd": return RangeWindow.Of(new DateOnly(period.Year, 1, 1), period.End);
            case "period": return RangeWindow.Of(period.Start, period.End);
            case "to_date": return RangeWindow.Of(null, period.End);
            case "rolling":
                var n = IntArg(0);
                if (n < 1) throw new StyrkortException(locate(expr.Pos), "rolling(N) needs N ≥ 1 months");
                return RangeWindow.Of(lastMonth.AddMonths(1 - n), period.End);
            case "months":
                var (from, to) = (IntArg(0), IntArg(1));
                if (from > to) throw new StyrkortException(locate(expr.Pos), "months(from, to) needs from ≤ to (0 is the period's last month)");
                return RangeWindow.Of(lastMonth.AddMonths(from), lastMonth.AddMonths(to + 1).AddDays(-1));
            case "year":
                if (args.Count != 1) throw new StyrkortException(locate(expr.Pos), "year(…) takes one argument, the calendar year");
                var year = compileScalar(args[0]);
                if (year.Type is not (ValueType.Integer or ValueType.Decimal))
                    throw new StyrkortException(locate(args[0].Pos), "year(…) needs a whole number");
                // INTEGER, not BIGINT: PostgreSQL has make_date(int, int, int) only.
                var y = new SqlCast(year.Sql, SqlType.Integer);
                return new RangeWindow(
                    Sql.Sql.Func("make_date", y, Sql.Sql.Lit(1L), Sql.Sql.Lit(1L)), Sql.Sql.Func("make_date", y, Sql.Sql.Lit(12L), Sql.Sql.Lit(31L)),
                    y, y,
                    Sql.Sql.Func("make_date", y, Sql.Sql.Lit(1L), Sql.Sql.Lit(1L)), Sql.Sql.Func("make_date", y, Sql.Sql.Lit(12L), Sql.Sql.Lit(1L)));
            case "latest":
                var columns = args.Select(a => a is NameRef r
                    ? r.Parts[^1]
                    : throw new StyrkortException(locate(a.Pos), "latest(…) takes column names")).ToList();
                return new LatestWindow(RangeWindow.Of(null, period.End), columns);
            default:
                throw new StyrkortException(locate(expr.Pos), $"unknown window '{name}'; expected {Help}");
        }
    }
}
