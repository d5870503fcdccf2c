using System.Diagnostics;

namespace Styrkort.Reports.Tests.Support;

/// <summary>
/// Text of a PDF as Debian's poppler-utils extract it (<c>pdftotext -raw</c>: content-stream order, so a wrapped table
/// cell reads as consecutive lines), one string per page. .ci/run installs poppler-utils.
/// </summary>
public static class PdfText
{
    public static bool Available { get; } = Which("pdftotext");

    public const string Missing = "pdftotext is not installed (Debian: apt-get install poppler-utils); .ci/run installs it";

    public static IReadOnlyList<string> Pages(byte[] pdf, params string[] options)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var text = Run("pdftotext", [.. (options.Length == 0 ? ["-raw"] : options), "-enc", "UTF-8", file, "-"]);
            return text.Split('\f').SkipLast(1).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The fonts of a PDF as <c>pdffonts</c> lists them.</summary>
    public static string Fonts(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            return Run("pdffonts", [file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Whitespace, no-break spaces included, as single spaces: a cell wrapped over lines reads as one phrase.</summary>
    public static string Flatten(string text) => string.Join(' ', text.Split([' ', '\u00a0', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Run(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}

/// <summary>A test that reads PDF text with poppler-utils; skipped, saying why, on a machine without them.</summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        if (!PdfText.Available) Skip = PdfText.Missing;
    }
}

public sealed class PdfTheoryAttribute : TheoryAttribute
{
    public PdfTheoryAttribute()
    {
        if (!PdfText.Available) Skip = PdfText.Missing;
    }
}
