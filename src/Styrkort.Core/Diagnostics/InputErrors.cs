namespace Styrkort.Core.Diagnostics;

public sealed record InputError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Input was refused; nothing was changed. Holds the first errors found (at most <see cref="Limit"/> per check).</summary>
public sealed class InputErrorsException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors in the input; the first: {errors[0]}")
{
    public const int Limit = 20;
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
