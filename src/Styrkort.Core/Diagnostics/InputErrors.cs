namespace Styrkort.Core.Diagnostics;

public sealed record InputError(SourceLocation Location, string Message)
{
    /// <summary>An error from the message catalogue: its English is the message, and it can be said in Swedish too.</summary>
    public InputError(SourceLocation location, Presentation.Message said) : this(location, said.In(Presentation.Language.En)) => Said = said;

    /// <summary>The message by code and arguments, when it comes from the catalogue; null for a message in English only.</summary>
    public Presentation.Message? Said { get; init; }

    /// <summary>The message in a reader's language: from the catalogue where it is there, else as written (English).</summary>
    public string MessageIn(Presentation.Language language) => Said?.In(language) ?? Message;

    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Input was refused; nothing was changed. Holds the first errors found (at most <see cref="Limit"/> per check).</summary>
public sealed class InputErrorsException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors in the input; the first: {errors[0]}")
{
    public const int Limit = 20;
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
