using SkiaSharp;
using Styrkort.Reports.Typefaces;
using Styrkort.Reports.Markdown;

namespace Styrkort.Reports.Pdf;

internal enum Face { Regular, Bold, Italic, BoldItalic, Mono }

/// <summary>A stretch of text in one face and colour.</summary>
internal readonly record struct Run(string Text, Face Face = Face.Regular, SKColor? Color = null)
{
    public static implicit operator Run(string text) => new(text);

    public static Run From(Span span) => new(span.Text, span.Code ? Face.Mono : span.Bold ? span.Italic ? Face.BoldItalic : Face.Bold : span.Italic ? Face.Italic : Face.Regular);
}

/// <summary>Fonts by face and size, made once per document.</summary>
internal sealed class FontCache : IDisposable
{
    private readonly Dictionary<(Face, float), SKFont> _fonts = [];

    public SKFont Get(Face face, float size)
    {
        if (_fonts.TryGetValue((face, size), out var font)) return font;
        var typeface = face switch { Face.Bold or Face.BoldItalic => ReportFonts.Bold, Face.Mono => ReportFonts.Mono, _ => ReportFonts.Regular };
        font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true };
        // DejaVu Sans Oblique is a slanted Sans; slanting here saves shipping and embedding two more font files.
        if (face is Face.Italic or Face.BoldItalic) font.SkewX = -0.2f;
        return _fonts[(face, size)] = font;
    }

    public float Measure(string text, Face face, float size) => Get(face, size).MeasureText(text);

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
    }
}
