using SkiaSharp;

namespace Styrkort.Reports.Pdf;

/// <summary>
/// Writes A4 pages top to bottom: a cursor that moves down, a new page when the next piece does not fit, and a footer on
/// every page but the cover. One unit is one PostScript point.
/// </summary>
internal sealed class PageWriter : IDisposable
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Left = 56, Right = 56, Top = 56, Bottom = 60;
    public static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    public static readonly SKColor Muted = new(0x6B, 0x6B, 0x6B);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);

    private readonly SKDocument _document;
    private readonly Func<int, (string Left, string Right)>? _footer;
    private SKCanvas? _canvas;
    private bool _pageHasFooter;

    public PageWriter(SKDocument document, Func<int, (string Left, string Right)>? footer)
    {
        _document = document;
        _footer = footer;
    }

    public FontCache Fonts { get; } = new();
    public SKCanvas Canvas => _canvas ?? throw new InvalidOperationException("no page begun");
    public float Y { get; set; }
    public int Page { get; private set; }
    public static float Width => PageWidth - Left - Right;
    public float Room => PageHeight - Bottom - Y;

    public void NewPage(bool footer = true)
    {
        EndPage();
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        Page++;
        Y = Top;
        _pageHasFooter = footer;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Ensure(float height)
    {
        if (_canvas is null || height > Room) NewPage();
    }

    public void Space(float height) => Y += height;

    /// <summary>Draws wrapped text; a paragraph taller than the room left continues on the next page.</summary>
    public void Text(IEnumerable<Run> runs, float size = 10, SKColor? color = null, float indent = 0, float? leading = null, float? width = null)
    {
        var lineHeight = leading ?? size * 1.35f;
        foreach (var line in TextLayout.Wrap(runs, size, (width ?? Width) - indent, Fonts, color ?? Ink))
        {
            Ensure(lineHeight);
            DrawLine(line, Left + indent, Y + size, size);
            Y += lineHeight;
        }
    }

    public void Text(string text, float size = 10, Face face = Face.Regular, SKColor? color = null, float indent = 0) =>
        Text([new Run(text, face)], size, color, indent);

    public void Heading(string text, float size, SKColor? color = null, float before = 0, float after = 6)
    {
        // Keep a heading with at least a few lines of what follows it.
        Ensure(before + size * 1.3f + after + 60);
        Y += before;
        Text([new Run(text, Face.Bold)], size, color ?? Accent);
        Y += after;
    }

    public void DrawLine(TextLine line, float x, float baseline, float size)
    {
        foreach (var run in line.Runs)
        {
            using var paint = new SKPaint { Color = run.Color, IsAntialias = true };
            Canvas.DrawText(run.Text, x + run.X, baseline, SKTextAlign.Left, Fonts.Get(run.Face, size), paint);
        }
    }

    public void Rule(SKColor color, float thickness = 0.75f)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = thickness, IsAntialias = true };
        Canvas.DrawLine(Left, Y, PageWidth - Right, Y, paint);
    }

    private void EndPage()
    {
        if (_canvas is null) return;
        if (_pageHasFooter && _footer is not null)
        {
            var (left, right) = _footer(Page);
            using var paint = new SKPaint { Color = Muted, StrokeWidth = 0.5f };
            var y = PageHeight - Bottom + 22;
            _canvas.DrawLine(Left, y - 10, PageWidth - Right, y - 10, paint);
            var font = Fonts.Get(Face.Regular, 8);
            _canvas.DrawText(left, Left, y, SKTextAlign.Left, font, paint);
            _canvas.DrawText(right, PageWidth - Right, y, SKTextAlign.Right, font, paint);
        }
        _document.EndPage();
        _canvas = null;
    }

    public void Close()
    {
        EndPage();
        _document.Close();
    }

    public void Dispose() => Fonts.Dispose();
}
