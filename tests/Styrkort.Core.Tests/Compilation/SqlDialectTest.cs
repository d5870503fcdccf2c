using Styrkort.Core.Compilation;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Compilation;

/// <summary>
/// The spellings each dialect owns. The PostgreSQL texts asserted here were run on PostgreSQL 15; the DuckDB ones run
/// in the result tests.
/// </summary>
public sealed class SqlDialectTest
{
    private static readonly SqlFunc FirstWhere = new("first_by", [Sql.Sql.Col("m", "phase")], OrderBy: [Sql.Sql.Col("m", "_time")],
        Filter: Sql.Sql.Eq(Sql.Sql.Col("m", "phase"), Sql.Sql.Lit("start")));

    [Fact]
    public void FirstBy_FilterBelongsToTheAggregate()
    {
        Assert.Equal("(array_agg(\"m\".\"phase\" ORDER BY \"m\".\"_time\") FILTER (WHERE (\"m\".\"phase\" = 'start')))[1]",
            PostgresDialect.Instance.Expr(FirstWhere));
        Assert.Equal("first(\"m\".\"phase\" ORDER BY \"m\".\"_time\") FILTER (WHERE (\"m\".\"phase\" = 'start'))",
            DuckDbDialect.Instance.Expr(FirstWhere));
    }

    [Fact]
    public void Round_IsOfANumericInPostgres()
    {
        var round = Sql.Sql.Func("round", new SqlCast(Sql.Sql.Col("t", "x"), SqlType.Double), Sql.Sql.Lit(2L));
        Assert.Equal("round(CAST(CAST(\"t\".\"x\" AS DOUBLE PRECISION) AS NUMERIC), 2)", PostgresDialect.Instance.Expr(round));
        Assert.Equal("round(CAST(\"t\".\"x\" AS DOUBLE), 2)", DuckDbDialect.Instance.Expr(round));
    }

    [Fact]
    public void Median_AndFilteredCount()
    {
        var median = new SqlFunc("median", [Sql.Sql.Col("t", "x")], Filter: Sql.Sql.Lit(true));
        Assert.Equal("percentile_cont(0.5) WITHIN GROUP (ORDER BY \"t\".\"x\") FILTER (WHERE TRUE)", PostgresDialect.Instance.Expr(median));
        Assert.Equal("median(\"t\".\"x\") FILTER (WHERE TRUE)", DuckDbDialect.Instance.Expr(median));
        Assert.Equal("count(*) FILTER (WHERE TRUE)", PostgresDialect.Instance.Expr(new SqlFunc("count_star", [], Filter: Sql.Sql.Lit(true))));
    }

    [Fact]
    public void YearWindow_PassesIntegersToMakeDate()
    {
        // PostgreSQL has make_date(integer, integer, integer) only; a BIGINT year finds no function.
        var file = Read("metrics:\n  m: sum(loans.amount during year(period.year - 1))\n");
        var sql = MetricCompiler.Compile(file, "m", Period.Parse("2026-Q2")).Sql(PostgresDialect.Instance);
        Assert.Contains("make_date(CAST((2026 - 1) AS INTEGER), 1, 1)", sql, StringComparison.Ordinal);
        Assert.Contains("make_date(CAST((2026 - 1) AS INTEGER), 12, 31)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Literals()
    {
        Assert.Equal("'it''s'", DuckDbDialect.Instance.Literal("it's"));
        Assert.Equal("DATE '2026-06-30'", PostgresDialect.Instance.Literal(new DateOnly(2026, 6, 30)));
        Assert.Equal("11.0", DuckDbDialect.Instance.Literal(11m));
        Assert.Equal("CAST(0.5 AS DOUBLE PRECISION)", PostgresDialect.Instance.Literal(0.5));
        Assert.Equal("CAST(0.5 AS DOUBLE)", DuckDbDialect.Instance.Literal(0.5));
    }
}
