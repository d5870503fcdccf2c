using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

/// <summary>One metric for one period, as a query returning (unit_id, value) for every unit.</summary>
public sealed record CompiledMetric(string Name, Period Period, SqlQuery Query, bool Exact)
{
    public string Sql(SqlDialect dialect) => dialect.Render(Query);
}

public static class MetricCompiler
{
    public static CompiledMetric Compile(GoalFile file, string metricName, Period period)
    {
        var metric = file.Metrics[metricName];
        var compiler = new ExpressionCompiler(file, period);
        var typed = compiler.CompileMetric(metric);
        var exact = typed.Type is ValueType.Integer or ValueType.Decimal;
        var value = new SqlCast(typed.Sql, exact ? SqlType.Decimal : SqlType.Double);
        var body = new SqlSelect(
            [new SqlSelectItem(Core.Sql.Sql.Col("u", "unit_id"), "unit_id"), new SqlSelectItem(value, "value")],
            new SqlTable("_units", "u"), compiler.UnitJoins.ToList(), OrderBy: [Core.Sql.Sql.Col("u", "unit_id")]);
        return new CompiledMetric(metricName, period, new SqlQuery(compiler.Ctes.ToList(), body), exact);
    }

    /// <summary>Compiles every value and metric once, so that a goal file with a type or name error is rejected up front.</summary>
    public static void CheckAll(GoalFile file)
    {
        var period = new Period(PeriodKind.Quarter, 2000, 4);
        foreach (var value in file.Values.Values) new ExpressionCompiler(file, period).CompileScalarFormula(value);
        foreach (var name in file.Metrics.Keys) Compile(file, name, period);
    }
}
