using Styrkort.Core.Sql;

namespace Styrkort.Core.Planning;

/// <summary>
/// Standard SQL text used as the identity of plan nodes and their columns: two parts of a plan that would run the same
/// SQL are the same part. It is never sent to a database.
/// </summary>
internal sealed class KeyDialect : SqlDialect
{
    public static readonly KeyDialect Instance = new();
    public override string Name => "key";
    public static string Of(SqlExpr? e) => e is null ? "" : Instance.Expr(e);
}
