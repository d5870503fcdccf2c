using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using static Styrkort.Core.Sql.Sql;

namespace Styrkort.Core.Planning;

/// <summary>
/// The scalars of one period: its variables, and the goal file's named values — constants read from the warehouse
/// before the plan is made (so that the engine can prune by them, and periods that share a value share the work), or,
/// where no warehouse is at hand (check --sql, the snapshots), a CTE per value read as a scalar subquery.
/// </summary>
internal sealed class PeriodScalars(Period period, Func<string, SqlExpr> value)
{
    public Period Of => period;

    public SqlExpr Value(string name) => value(name);

    public SqlExpr Period(string name) => name switch
    {
        "year" => Lit((long)period.EndYear),
        "quarter" => Lit((long)period.EndQuarter),
        "month" => Lit((long)period.End.Month),
        "start" => Lit(period.Start),
        "end" => Lit(period.End),
        "days" => Lit((long)(period.End.DayNumber - period.Start.DayNumber + 1)),
        "months" => Months is { } months ? Lit(months) : new SqlCast(Lit(null), SqlType.BigInt),
        // Empty outside weeks: a month has no one week number, and 0 would compare as one.
        "week" => period.Kind == PeriodKind.Week ? Lit((long)period.Index) : new SqlCast(Lit(null), SqlType.BigInt),
        _ => throw new InvalidOperationException($"period.{name}"),
    };

    /// <summary>The calendar months a period spans; none for a period that is not made of whole months.</summary>
    private long? Months => period.Kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        PeriodKind.Year => 12,
        _ => null,
    };
}
