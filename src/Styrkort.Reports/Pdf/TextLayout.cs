using SkiaSharp;

namespace Styrkort.Reports.Pdf;

/// <summary>A run placed on a line, at an offset from the line's start.</summary>
internal readonly record struct PlacedRun(string Text, Face Face, SKColor Color, float X);

internal sealed record TextLine(IReadOnlyList<PlacedRun> Runs, float Width);

/// <summary>
/// Breaks runs into lines at spaces (never at a no-break space, so 1 234 kr stays whole), and a word wider than the
/// line at a character. A newline in a run breaks the line; a line's leading spaces are kept only after such a break,
/// so that a formula's indentation survives.
/// </summary>
internal static class TextLayout
{
    public static List<TextLine> Wrap(IEnumerable<Run> runs, float size, float width, FontCache fonts, SKColor color)
    {
        var lines = new List<TextLine>();
        var current = new List<PlacedRun>();
        float x = 0;
        var hardStart = true;

        void Break(bool hard)
        {
            var merged = Merge(current);
            var used = merged.Count == 0 ? 0 : merged[^1].X + fonts.Measure(merged[^1].Text, merged[^1].Face, size);
            lines.Add(new TextLine(merged, used));
            current = [];
            x = 0;
            hardStart = hard;
        }

        foreach (var run in runs)
        {
            var runColor = run.Color ?? color;
            var paragraphs = run.Text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0) Break(hard: true);
                foreach (var token in Tokens(paragraphs[p]))
                {
                    var isSpace = token[0] == ' ';
                    if (isSpace && current.Count == 0 && !hardStart) continue;
                    var w = fonts.Measure(token, run.Face, size);
                    if (!isSpace && x + w > width && current.Count > 0) Break(hard: false);
                    if (isSpace && x + w > width) { Break(hard: false); continue; }
                    var text = token;
                    while (!isSpace && x + w > width && text.Length > 1)
                    {
                        var fit = Fit(text, run.Face, size, width - x, fonts);
                        current.Add(new PlacedRun(text[..fit], run.Face, runColor, x));
                        x += fonts.Measure(text[..fit], run.Face, size);
                        Break(hard: false);
                        text = text[fit..];
                        w = fonts.Measure(text, run.Face, size);
                    }
                    current.Add(new PlacedRun(text, run.Face, runColor, x));
                    x += w;
                    hardStart = hardStart && isSpace;
                }
            }
        }
        if (current.Count > 0 || lines.Count == 0) Break(hard: false);
        return lines;
    }

    /// <summary>Words and runs of spaces, in order.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
            if (i == text.Length || (text[i] == ' ') != (text[i - 1] == ' '))
            {
                if (i > start) yield return text[start..i];
                start = i;
            }
    }

    private static int Fit(string text, Face face, float size, float room, FontCache fonts)
    {
        var n = 1;
        while (n < text.Length && fonts.Measure(text[..(n + 1)], face, size) <= room) n++;
        return n;
    }

    /// <summary>Joins neighbouring runs of one face and colour, and drops trailing spaces.</summary>
    private static List<PlacedRun> Merge(List<PlacedRun> runs)
    {
        while (runs.Count > 1 && runs[^1].Text.Trim().Length == 0) runs.RemoveAt(runs.Count - 1);
        var merged = new List<PlacedRun>();
        foreach (var run in runs)
            if (merged.Count > 0 && merged[^1].Face == run.Face && merged[^1].Color == run.Color)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            else merged.Add(run);
        return merged;
    }
}
