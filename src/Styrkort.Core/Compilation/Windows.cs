using Styrkort.Core.Binding;
using Styrkort.Core.GoalFiles;
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

/// <summary>
/// A window relative to each row's own date (<see cref="AnchoredWindow"/>): the same for every period, its bounds read
/// from the row. Half-open: anchor + From ≤ time &lt; anchor + To, so months_after(a, 0, 3) is exactly three months.
/// It has no bounds in the calendar: whatever bounds a scan by the periods' windows must read every row for it.
/// </summary>
internal sealed record AnchoredRange(AnchoredWindow Bound) : Window
{
    /// <param name="anchor">The anchor, written where the row is read.</param>
    public SqlExpr Predicate(SqlExpr time, ColumnType type, SqlExpr anchor)
    {
        SqlExpr Shift(int n) => n == 0 ? anchor
            : Bound.Step == CalendarStep.Day ? new SqlBinary("+", anchor, Sql.Sql.Lit((long)n))
            : new SqlCast(new SqlFunc("add_months", [anchor, Sql.Sql.Lit((long)n)]), SqlType.Date);
        // A month column holds the first day of its month: the bounds are compared at the same grain.
        SqlExpr Grain(SqlExpr date) => type == ColumnType.Month ? MonthStart(date) : date;
        return new SqlBinary("AND", new SqlBinary(">=", time, Grain(Shift(Bound.From))), new SqlBinary("<", time, Grain(Shift(Bound.To))));
    }

    // INTEGER, not BIGINT: PostgreSQL has make_date(int, int, int) only.
    private static SqlExpr MonthStart(SqlExpr date) => Sql.Sql.Func("make_date",
        new SqlCast(Sql.Sql.Func("date_part", Sql.Sql.Lit("year"), date), SqlType.Integer),
        new SqlCast(Sql.Sql.Func("date_part", Sql.Sql.Lit("month"), date), SqlType.Integer),
        Sql.Sql.Lit(1L));
}

internal static class Windows
{
    /// <summary>The dates of a bound window in the given period; a year(…) window's year is rendered by <paramref name="scalar"/>.</summary>
    public static Window Resolve(BoundWindow window, Period period, Func<BoundExpr, SqlExpr> scalar)
    {
        var lastMonth = new DateOnly(period.End.Year, period.End.Month, 1);
        switch (window)
        {
            case NamedWindow { Name: "ytd" }: return RangeWindow.Of(new DateOnly(period.EndYear, 1, 1), period.End);
            case NamedWindow { Name: "period" }: return RangeWindow.Of(period.Start, period.End);
            case NamedWindow: return RangeWindow.Of(null, period.End);
            case RollingWindow r: return RangeWindow.Of(lastMonth.AddMonths(1 - r.Months), period.End);
            case MonthsWindow m: return RangeWindow.Of(lastMonth.AddMonths(m.From), lastMonth.AddMonths(m.To + 1).AddDays(-1));
            case YearWindow y:
                // INTEGER, not BIGINT: PostgreSQL has make_date(int, int, int) only.
                var year = new SqlCast(scalar(y.Year), SqlType.Integer);
                return new RangeWindow(
                    Sql.Sql.Func("make_date", year, Sql.Sql.Lit(1L), Sql.Sql.Lit(1L)), Sql.Sql.Func("make_date", year, Sql.Sql.Lit(12L), Sql.Sql.Lit(31L)),
                    year, year,
                    Sql.Sql.Func("make_date", year, Sql.Sql.Lit(1L), Sql.Sql.Lit(1L)), Sql.Sql.Func("make_date", year, Sql.Sql.Lit(12L), Sql.Sql.Lit(1L)));
            case LatestBoundWindow l: return new LatestWindow(RangeWindow.Of(null, period.End), l.Columns);
            case AnchoredWindow a: return new AnchoredRange(a);
            default: throw new InvalidOperationException(window.GetType().Name);
        }
    }
}
