using Styrkort.Core.Binding;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Compilation;

/// <summary>
/// Everything wrong with a goal file at once, as a compiler lists it: the errors of reading (each entry with an error
/// left out, the rest read on), then of binding the formulas of what could be read, and the warnings of its goal
/// structure. A file with errors is refused by every command; one with only warnings is used as it is.
/// </summary>
public sealed record GoalFileCheck(
    GoalFile? File,
    IReadOnlyList<StyrkortException> Errors,
    IReadOnlyList<GoalFileWarning> Warnings,
    IReadOnlyList<SourceLocation> Unreadable)
{
    public static GoalFileCheck Run(string path)
    {
        var reading = GoalFileReader.ReadAll(path);
        var errors = reading.Errors.ToList();
        if (reading.File is { } file) errors.AddRange(BoundGoalFile.Of(file).Diagnostics);
        var warnings = reading.File is { } read ? GoalPitfalls.Of(read) : [];
        return new GoalFileCheck(reading.File, errors, warnings, reading.Unreadable);
    }

    /// <summary>The checked goal file; the first error (carrying all of them) when it has any.</summary>
    public GoalFile Accepted() => Errors.Count > 0 ? throw StyrkortException.Of(Errors) : File!;

    /// <summary>
    /// Errors and warnings together in the order of the files (a file in the order its first finding was made), by
    /// line and column; an error before a warning at the same place.
    /// </summary>
    public IReadOnlyList<Finding> Findings()
    {
        // The YAML parser's own stops; a file too large or not a mapping is not read at all, which its error says.
        bool Stops(StyrkortException e) => Unreadable.Contains(e.Location)
            && (e.Reason.StartsWith("not valid YAML", StringComparison.Ordinal) || e.Reason.StartsWith("lists and mappings nest", StringComparison.Ordinal));
        var findings = Errors.Select(e => new Finding(e.Location, e.Reason, false, Stops(e)))
            .Concat(Warnings.Select(w => new Finding(w.Location, w.Message, true, false)))
            .ToList();
        return InFileOrder(findings, f => f.Location);
    }

    /// <summary>Sorts by file (in the order each first appears), then line and column; stable otherwise.</summary>
    public static IReadOnlyList<T> InFileOrder<T>(IReadOnlyList<T> items, Func<T, SourceLocation> at)
    {
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items) files.TryAdd(at(item).File, files.Count);
        return items.OrderBy(i => files[at(i).File]).ThenBy(i => at(i).Line).ThenBy(i => at(i).Column).ToList();
    }
}

/// <summary>An error or a warning of a goal file; <see cref="StopsReading"/> when YAML could not be read past it.</summary>
public sealed record Finding(SourceLocation Location, string Message, bool IsWarning, bool StopsReading)
{
    public override string ToString() => $"{Location}: {(IsWarning ? "warning: " : "")}{Message}";
}
