namespace Styrkort.Core.Diagnostics;

/// <summary>A place in an input file; Line and Column are 1-based, 0 when unknown.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column, string? Field = null)
{
    public override string ToString()
    {
        var where = Line > 0 ? (Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}") : File;
        return Field is null ? where : $"{where} ({Field})";
    }
}

/// <summary>An error the user can act on: where, what was found, what was expected.</summary>
public sealed class StyrkortException(SourceLocation location, string message) : Exception($"{location}: {message}")
{
    public SourceLocation Location { get; } = location;
    public string Reason { get; } = message;
}
