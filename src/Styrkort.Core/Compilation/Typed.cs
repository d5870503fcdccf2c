using Styrkort.Core.Sql;

namespace Styrkort.Core.Compilation;

public enum ValueType { Null, Boolean, Integer, Decimal, Number, Text, Date }

/// <summary>A compiled expression: its SQL and its type (with the allowed codes, where it is a code column).</summary>
internal sealed record Typed(SqlExpr Sql, ValueType Type, IReadOnlyList<string>? Codes = null)
{
    public bool IsNumeric => Type is ValueType.Integer or ValueType.Decimal or ValueType.Number or ValueType.Null;

    public static string Describe(ValueType type) => type switch
    {
        ValueType.Null => "empty",
        ValueType.Boolean => "a condition (true/false)",
        ValueType.Integer => "an integer",
        ValueType.Decimal => "an exact decimal",
        ValueType.Number => "a number",
        ValueType.Text => "text",
        _ => "a date",
    };
}
