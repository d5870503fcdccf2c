using System.Globalization;
using Styrkort.Core;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Cli;

/// <summary>
/// A goal file's errors and warnings as compilers print them, one per line (<c>file:line:column: message</c>), in file
/// order: editors and scripts jump to them. At most <see cref="Limits.ReportedErrors"/> lines, then how many more.
/// </summary>
internal static class FindingsOutput
{
    public static void Write(TextWriter err, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings.Take(Limits.ReportedErrors))
        {
            err.WriteLine(finding.ToString());
            if (finding.StopsReading)
                err.WriteLine($"{finding.Location}: note: YAML cannot be read past this error: nothing after it in {finding.Location.File} was checked");
        }
        if (findings.Count > Limits.ReportedErrors)
            err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {findings.Count - Limits.ReportedErrors} more"));
    }

    /// <summary>The closing count: "3 errors", "1 error and 2 warnings", "2 warnings".</summary>
    public static string Count(int errors, int warnings)
    {
        static string Of(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");
        return errors > 0 && warnings > 0 ? $"{Of(errors, "error")} and {Of(warnings, "warning")}"
            : errors > 0 ? Of(errors, "error") : Of(warnings, "warning");
    }

    /// <summary>Several errors of one input, for commands that refuse it (evaluate): each on its line, then the count.</summary>
    public static void Errors(TextWriter err, StyrkortException error)
    {
        var errors = GoalFileCheck.InFileOrder(error.Errors, e => e.Location);
        foreach (var e in errors.Take(Limits.ReportedErrors)) err.WriteLine("error: " + e.Message);
        if (errors.Count > Limits.ReportedErrors)
            err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: … and {errors.Count - Limits.ReportedErrors} more"));
        err.WriteLine($"error: {Count(errors.Count, 0)} in {errors[0].Location.File}");
    }
}
