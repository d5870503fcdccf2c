namespace Styrkort.Core.Compilation;

public enum ValueType { Null, Boolean, Integer, Decimal, Number, Text, Date }

public static class Typed
{
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
