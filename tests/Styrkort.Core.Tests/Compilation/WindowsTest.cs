using DuckDB.NET.Data;
using Styrkort.Core.Binding;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Language;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using ValueType = Styrkort.Core.Compilation.ValueType;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>The inclusive bounds of each window, for a quarter, a month, a year and a week, at the grain of date, month and year columns.</summary>
public sealed class WindowsTest
{
    private static Window Resolve(string window, string period) =>
        Windows.Resolve(Binder.WindowOf(Parser.Parse(window, o => new SourceLocation("w", 1, o + 1)), o => new SourceLocation("w", 1, o + 1)), Period.Parse(period),
            e => e is BoundLiteral { Value: long n } ? Sql.Sql.Lit(n) : throw new ArgumentException("a test passes only numbers to year(…)"));

    private static string Predicate(string window, string period, ColumnType type) =>
        DuckDbDialect.Instance.Expr(Assert.IsType<RangeWindow>(Resolve(window, period)).Predicate(new SqlColumn(null, "t"), type));

    private static string Between(string start, string end) => $"((\"t\" >= {start}) AND (\"t\" <= {end}))";
    private static string Date(string day) => $"DATE '{day}'";

    [Theory]
    [InlineData("ytd", "2026-Q2", "2026-01-01", "2026-06-30")]
    [InlineData("ytd", "2026-03", "2026-01-01", "2026-03-31")]
    [InlineData("ytd", "2026", "2026-01-01", "2026-12-31")]
    [InlineData("period", "2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("period", "2026-03", "2026-03-01", "2026-03-31")]
    [InlineData("period", "2026", "2026-01-01", "2026-12-31")]
    [InlineData("rolling(36)", "2026-Q2", "2023-07-01", "2026-06-30")]
    [InlineData("rolling(36)", "2026-03", "2023-04-01", "2026-03-31")]
    [InlineData("rolling(36)", "2026", "2024-01-01", "2026-12-31")]
    [InlineData("rolling(1)", "2026-Q2", "2026-06-01", "2026-06-30")]
    [InlineData("rolling(12)", "2024-02", "2023-03-01", "2024-02-29")]
    [InlineData("months(-35, -35)", "2026-Q2", "2023-07-01", "2023-07-31")]
    [InlineData("months(-35, -35)", "2026-03", "2023-04-01", "2023-04-30")]
    [InlineData("months(-35, -35)", "2026", "2024-01-01", "2024-01-31")]
    [InlineData("months(-2, 0)", "2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("months(0, 0)", "2026", "2026-12-01", "2026-12-31")]
    [InlineData("months(-12, -12)", "2025-02", "2024-02-01", "2024-02-29")]
    [InlineData("months(1, 2)", "2026-Q2", "2026-07-01", "2026-08-31")]
    // Weeks: the calendar reckoning is that of the week's last day (Sunday). 2026-W12 is 16–22 March 2026.
    [InlineData("ytd", "2026-W12", "2026-01-01", "2026-03-22")]
    [InlineData("ytd", "2026-W01", "2026-01-01", "2026-01-04")]       // 29 Dec 2025 – 4 Jan 2026: ytd of 2026, not the Monday's 2025
    [InlineData("ytd", "2020-W53", "2021-01-01", "2021-01-03")]       // 28 Dec 2020 – 3 Jan 2021: the ISO year 2020 ends in 2021
    [InlineData("period", "2026-W12", "2026-03-16", "2026-03-22")]
    [InlineData("period", "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("rolling(12)", "2026-W12", "2025-04-01", "2026-03-22")] // the 12 months April 2025 – March 2026, up to Sunday
    [InlineData("rolling(1)", "2026-W01", "2026-01-01", "2026-01-04")]
    [InlineData("months(-1, -1)", "2026-W12", "2026-02-01", "2026-02-28")]
    [InlineData("months(0, 0)", "2026-W14", "2026-04-01", "2026-04-30")] // 30 March – 5 April ends in April
    public void Resolve_DateBounds(string window, string period, string start, string end) =>
        Assert.Equal(Between(Date(start), Date(end)), Predicate(window, period, ColumnType.Date));

    [Theory]
    [InlineData("2026-Q2", "2026-06-30")]
    [InlineData("2026-03", "2026-03-31")]
    [InlineData("2026", "2026-12-31")]
    [InlineData("2026-W12", "2026-03-22")]
    public void Resolve_ToDateHasNoStart(string period, string end) =>
        Assert.Equal($"(\"t\" <= {Date(end)})", Predicate("to_date", period, ColumnType.Date));

    [Theory]
    [InlineData("ytd", "2026-Q2", "2026-01-01", "2026-06-01")]
    [InlineData("period", "2026-03", "2026-03-01", "2026-03-01")]
    [InlineData("rolling(36)", "2026-Q2", "2023-07-01", "2026-06-01")]
    [InlineData("months(-35, -35)", "2026-Q2", "2023-07-01", "2023-07-01")]
    [InlineData("rolling(36)", "2026", "2024-01-01", "2026-12-01")]
    [InlineData("period", "2026-W14", "2026-03-01", "2026-04-01")]        // a week across two months takes both
    [InlineData("ytd", "2026-W12", "2026-01-01", "2026-03-01")]
    public void Resolve_MonthColumnComparesFirstDaysOfMonths(string window, string period, string start, string end) =>
        Assert.Equal(Between(Date(start), Date(end)), Predicate(window, period, ColumnType.Month));

    [Theory]
    [InlineData("ytd", "2026-Q2", 2026, 2026)]
    [InlineData("rolling(36)", "2026-Q2", 2023, 2026)]
    [InlineData("months(-35, -35)", "2026-03", 2023, 2023)]
    [InlineData("period", "2026", 2026, 2026)]
    [InlineData("period", "2020-W53", 2020, 2021)]
    [InlineData("ytd", "2020-W53", 2021, 2021)]
    public void Resolve_YearColumnComparesYears(string window, string period, int start, int end) =>
        Assert.Equal(Between($"{start}", $"{end}"), Predicate(window, period, ColumnType.Year));

    [Fact]
    public void Resolve_YearOfAnExpression()
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        string Bounds(ColumnType type)
        {
            var sql = DuckDbDialect.Instance.Expr(Assert.IsType<RangeWindow>(Resolve("year(2024)", "2026-Q2")).Predicate(new SqlColumn(null, "t"), type));
            using var command = db.CreateCommand();
            // The window's start and end: the least and greatest day of 2020–2027 that the predicate admits.
            command.CommandText = $"SELECT strftime(min(t), '%Y-%m-%d') || '..' || strftime(max(t), '%Y-%m-%d') FROM (SELECT unnest(range(DATE '2020-01-01', DATE '2028-01-01', INTERVAL 1 DAY))::DATE AS t) WHERE {sql}";
            return (string)command.ExecuteScalar()!;
        }
        Assert.Equal("2024-01-01..2024-12-31", Bounds(ColumnType.Date));
        Assert.Equal("2024-01-01..2024-12-01", Bounds(ColumnType.Month));
        Assert.Equal(Between("CAST(2024 AS INTEGER)", "CAST(2024 AS INTEGER)"), Predicate("year(2024)", "2026-Q2", ColumnType.Year));
    }

    [Fact]
    public void Resolve_Latest()
    {
        var latest = Assert.IsType<LatestWindow>(Resolve("latest", "2026-Q2"));
        Assert.Empty(latest.PartitionColumns);
        Assert.Equal($"(\"t\" <= {Date("2026-06-30")})", DuckDbDialect.Instance.Expr(latest.UpTo.Predicate(new SqlColumn(null, "t"), ColumnType.Date)));
        Assert.Equal(["unit_id", "item"], Assert.IsType<LatestWindow>(Resolve("latest(unit_id, item)", "2026-03")).PartitionColumns);
    }

    [Theory]
    [InlineData("rolling(0)", "rolling(N) needs N ≥ 1 months")]
    [InlineData("rolling(x)", "expected a whole number in rolling(…)")]
    [InlineData("months(-1)", "months(…) needs 2 whole-number argument(s)")]
    [InlineData("months(2, 1)", "months(from, to) needs from ≤ to (0 is the period's last month)")]
    [InlineData("last_year", "unknown window 'last_year'")]
    [InlineData("a.b", "expected a window")]
    public void Resolve_Errors(string window, string phrase) =>
        Assert.Contains(phrase, Assert.Throws<StyrkortException>(() => Resolve(window, "2026-Q2")).Reason, StringComparison.Ordinal);
}
