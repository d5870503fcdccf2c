using Styrkort.Accounts.Sie;

namespace Styrkort.Cli;

/// <summary>Reading the SIE files named on the command line, and telling the user what an accountant should know about them.</summary>
internal static class SieInput
{
    public static IReadOnlyList<SieReadResult> Read(IEnumerable<string> paths) => paths.Select(SieReader.Read).ToList();

    /// <summary>The warnings, as file:line: message on stderr, so that standard output stays clean for tables and JSON.</summary>
    public static void WriteWarnings(IEnumerable<SieReadResult> files, TextWriter err, Core.Presentation.Language lang)
    {
        foreach (var file in files)
            foreach (var w in file.Warnings)
                err.WriteLine($"{lang.Pick("varning", "warning")}: {file.Document.Source}{(w.Line > 0 ? $":{w.Line}" : "")}: {w.Message}");
    }

    /// <summary>One line about a file: the program that wrote it, its SIE type and how its text was read.</summary>
    public static string Describe(SieDocument d, Core.Presentation.Language lang)
    {
        var h = d.Header;
        var program = string.Join(' ', new[] { h.Program, h.ProgramVersion }.OfType<string>());
        var from = program.Length > 0 ? lang.Pick($" från {program}", $" from {program}") : "";
        var type = h.SieType is { } t ? $"SIE {t}" : "SIE";
        var checksum = h.Checksum switch
        {
            Checksum.Valid => lang.Pick(", kontrollsumma korrekt", ", control sum correct"),
            Checksum.Invalid => lang.Pick(", kontrollsumma FEL", ", control sum WRONG"),
            _ => "",
        };
        return $"{Path.GetFileName(d.Source)}: {type}{from}, {h.Encoding}{checksum}";
    }
}
