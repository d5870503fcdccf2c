using System.Globalization;
using System.Text;

namespace Styrkort.Core.Sql;

/// <summary>
/// Renders the SQL tree as text. The default speaks standard SQL; a dialect overrides only what differs, so that
/// every dialect runs the same metrics (and the same result tests).
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    public string Render(SqlQuery query)
    {
        var sb = new StringBuilder();
        if (query.Ctes.Count > 0)
        {
            sb.Append("WITH ");
            for (var i = 0; i < query.Ctes.Count; i++)
            {
                var cte = query.Ctes[i];
                if (i > 0) sb.Append(",\n");
                sb.Append(Quote(cte.Name)).Append(cte.Materialized ? " AS MATERIALIZED (\n" : " AS (\n");
                sb.Append(Indent(RenderBody(cte.Body))).Append("\n)");
            }
            sb.Append('\n');
        }
        sb.Append(RenderBody(query.Body));
        return sb.ToString();
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    public string RenderBody(SqlQueryBody body) => body switch
    {
        SqlSelect s => RenderSelect(s),
        SqlUnion u => string.Join(u.All ? "\nUNION ALL\n" : "\nUNION\n", u.Parts.Select(RenderBody)),
        _ => throw new NotSupportedException(body.GetType().Name),
    };

    private string RenderSelect(SqlSelect s)
    {
        var sb = new StringBuilder("SELECT ");
        if (s.Distinct) sb.Append("DISTINCT ");
        sb.Append(string.Join(", ", s.Items.Select(i => i.Alias is null ? Expr(i.Expr) : $"{Expr(i.Expr)} AS {Quote(i.Alias)}")));
        if (s.From is not null) sb.Append("\nFROM ").Append(Source(s.From));
        foreach (var join in s.Joins)
            sb.Append(join.Kind == SqlJoinKind.Left ? "\nLEFT JOIN " : "\nJOIN ").Append(Source(join.Source)).Append(" ON ").Append(Expr(join.On));
        if (s.Where is not null) sb.Append("\nWHERE ").Append(Expr(s.Where));
        if (s.GroupBy is { Count: > 0 }) sb.Append("\nGROUP BY ").Append(string.Join(", ", s.GroupBy.Select(Expr)));
        if (s.OrderBy is { Count: > 0 }) sb.Append("\nORDER BY ").Append(string.Join(", ", s.OrderBy.Select(Expr)));
        if (s.Limit is { } limit) sb.Append("\nLIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private string Source(SqlSource source) => source switch
    {
        SqlTable t => $"{Quote(t.Name)} {Quote(t.Alias)}",
        SqlDerived d => $"(\n{Indent(RenderBody(d.Query))}\n) {Quote(d.Alias)}",
        _ => throw new NotSupportedException(source.GetType().Name),
    };

    public string Expr(SqlExpr e)
    {
        // The parser bounds a formula's depth; this guards the renderer should a goal file's functions still stack up.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return ExprText(e);
    }

    private string ExprText(SqlExpr e) => e switch
    {
        SqlColumn c => c.Table is null ? Quote(c.Name) : $"{Quote(c.Table)}.{Quote(c.Name)}",
        SqlLiteral l => Literal(l.Value),
        SqlBinary b => $"({Expr(b.Left)} {b.Op} {Expr(b.Right)})",
        SqlUnary u => u.Op == "NOT" ? $"(NOT {Expr(u.Operand)})" : $"({u.Op}{Expr(u.Operand)})",
        SqlCase c => "CASE " + string.Concat(c.Whens.Select(w => $"WHEN {Expr(w.When)} THEN {Expr(w.Then)} ")) +
                     (c.Else is null ? "" : $"ELSE {Expr(c.Else)} ") + "END",
        SqlIn i => $"({Expr(i.Value)} {(i.Negated ? "NOT IN" : "IN")} ({string.Join(", ", i.Items.Select(Expr))}))",
        SqlIsNull n => $"({Expr(n.Value)} IS {(n.Negated ? "NOT " : "")}NULL)",
        SqlCast c => $"CAST({Expr(c.Value)} AS {TypeName(c.Type)})",
        SqlTypedLiteral t => $"CAST({Literal(t.Value)} AS {CheckedTypeName(t.TypeName)})",
        SqlScalarSubquery q => $"({RenderBody(q.Select)})",
        SqlFunc f => Function(f),
        SqlWindow w => $"{Function(w.Function)} OVER ({(w.PartitionBy.Count == 0 ? "" : "PARTITION BY " + string.Join(", ", w.PartitionBy.Select(Expr)))})",
        SqlStar s => s.Table is null ? "*" : $"{Quote(s.Table)}.*",
        SqlDesc d => $"{Expr(d.Value)} DESC",
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    // The name comes from the database itself, but is written into SQL: only a type name's characters pass.
    private static string CheckedTypeName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, @"^[A-Za-z][A-Za-z0-9 ]*(\(\d+(, ?\d+)?\))?$") ? name
            : throw new ArgumentException($"not a type name: {name}");

    public virtual string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public virtual string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal d => DecimalLiteral(d),
        double d => $"CAST({d.ToString("R", CultureInfo.InvariantCulture)} AS {TypeName(SqlType.Double)})",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    // An exact literal keeps its scale, so that comparisons between amounts stay exact decimals.
    protected virtual string DecimalLiteral(decimal d)
    {
        var text = d.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    public virtual string TypeName(SqlType type) => type switch
    {
        SqlType.Boolean => "BOOLEAN",
        SqlType.BigInt => "BIGINT",
        SqlType.Integer => "INTEGER",
        SqlType.Decimal => "DECIMAL(38,6)",
        SqlType.Double => "DOUBLE PRECISION",
        SqlType.Text => "VARCHAR",
        SqlType.Date => "DATE",
        _ => throw new NotSupportedException(type.ToString()),
    };

    protected virtual string Function(SqlFunc f)
    {
        var args = string.Join(", ", f.Args.Select(Expr));
        var inner = (f.Distinct ? "DISTINCT " : "") + args;
        if (f.OrderBy is { Count: > 0 }) inner += " ORDER BY " + string.Join(", ", f.OrderBy.Select(Expr));
        var filter = f.Filter is null ? "" : $" FILTER (WHERE {Expr(f.Filter)})";
        return f.Name switch
        {
            "median" => MedianCall(inner) + filter,
            "first_by" => FirstBy(f, filter),
            "count_star" => "count(*)" + filter,
            _ => $"{FunctionName(f.Name)}({inner}){filter}",
        };
    }

    protected virtual string FunctionName(string name) => name;

    protected virtual string MedianCall(string inner) => $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {inner})";

    /// <summary>The value of the first argument on the row that comes first in OrderBy; the filter belongs to the aggregate, not to [1].</summary>
    protected virtual string FirstBy(SqlFunc f, string filter) =>
        $"(array_agg({Expr(f.Args[0])} ORDER BY {string.Join(", ", f.OrderBy!.Select(Expr))}){filter})[1]";
}

public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();
    public override string Name => "duckdb";
    protected override string MedianCall(string inner) => $"median({inner})";
    protected override string FirstBy(SqlFunc f, string filter) => $"first({Expr(f.Args[0])} ORDER BY {string.Join(", ", f.OrderBy!.Select(Expr))}){filter}";
    public override string TypeName(SqlType type) => type == SqlType.Double ? "DOUBLE" : base.TypeName(type);

    // A date plus an interval is a timestamp; add_months casts it back to a date. Both engines clamp at month ends.
    protected override string Function(SqlFunc f) =>
        f.Name == "add_months" ? $"({Expr(f.Args[0])} + to_months({Expr(f.Args[1])}))" : base.Function(f);
}

public sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();
    public override string Name => "postgresql";
    // PostgreSQL rounds only numerics to a number of decimals: round(double precision, integer) does not exist.
    // Its regular-expression match searches; a full match (as DuckDB's regexp_full_match) needs anchors.
    protected override string Function(SqlFunc f) => f.Name switch
    {
        "round" => $"round(CAST({Expr(f.Args[0])} AS NUMERIC), {Expr(f.Args[1])})",
        "regexp_full_match" => $"({Expr(f.Args[0])} ~ ('^(?:' || {Expr(f.Args[1])} || ')$'))",
        "typeof" => $"CAST(pg_typeof({Expr(f.Args[0])}) AS TEXT)",
        "add_months" => $"({Expr(f.Args[0])} + make_interval(months => {Expr(f.Args[1])}))",
        _ => base.Function(f),
    };
}
