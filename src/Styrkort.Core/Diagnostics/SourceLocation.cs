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
    /// <summary>An error from the message catalogue: its English is the message, and it can be said in Swedish too.</summary>
    public StyrkortException(SourceLocation location, Presentation.Message said) : this(location, said.In(Presentation.Language.En)) => Said = said;

    public SourceLocation Location { get; } = location;
    public string Reason { get; } = message;

    /// <summary>The reason by code and arguments, when it comes from the catalogue; null for a message in English only.</summary>
    public Presentation.Message? Said { get; init; }

    /// <summary>The reason in a reader's language: from the catalogue where it is there, else as written (English).</summary>
    public string ReasonIn(Presentation.Language language) => Said?.In(language) ?? Reason;

    /// <summary>
    /// Every error found with this one, this one first, in the order they were found: a goal file is read to its end
    /// so that all its mistakes are reported together. A lone error lists itself.
    /// </summary>
    public IReadOnlyList<StyrkortException> Errors
    {
        get => _errors is { Count: > 0 } ? _errors : [this];
        init => _errors = value;
    }

    private readonly IReadOnlyList<StyrkortException>? _errors;

    /// <summary>The first of <paramref name="errors"/>, carrying all of them.</summary>
    public static StyrkortException Of(IReadOnlyList<StyrkortException> errors) =>
        new(errors[0].Location, errors[0].Reason) { Errors = errors, Said = errors[0].Said };
}
