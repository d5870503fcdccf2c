using SkiaSharp;

namespace Styrkort.Reports.Pdf;

internal sealed record TableColumn(string Header, float Weight, bool AlignRight = false);

/// <summary>A table cell: its text, and optionally a status dot before it and an indentation (for subunits).</summary>
internal sealed record TableCell(IReadOnlyList<Run> Runs, SKColor? Dot = null, float Indent = 0)
{
    public static implicit operator TableCell(string text) => new([new Run(text)]);
}

/// <summary>Draws a table whose rows wrap their cells; a row that does not fit starts a new page, headers repeated.</summary>
internal static class PdfTable
{
    private const float PadX = 4, PadY = 3, DotSize = 7;
    private static readonly SKColor HeaderFill = new(0xE8, 0xEE, 0xF4);
    private static readonly SKColor Stripe = new(0xF7, 0xF7, 0xF7);
    private static readonly SKColor Line = new(0xC8, 0xC8, 0xC8);

    public static void Draw(PageWriter w, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows, float size = 9, Func<int, bool>? emphasise = null)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => c.Weight / total * PageWriter.Width).ToArray();
        var header = columns.Select(c => new TableCell([new Run(c.Header, Face.Bold)])).ToList();
        var headerSize = Math.Min(size, 8);
        var headerLayout = Layout(w, header, widths, headerSize, PageWriter.Muted);

        w.Ensure(headerLayout.Height + RowHeightOf(w, rows.FirstOrDefault(), widths, size));
        DrawRow(w, columns, widths, header, headerLayout, headerSize, HeaderFill);
        for (var r = 0; r < rows.Count; r++)
        {
            var bold = emphasise?.Invoke(r) ?? false;
            var cells = bold ? rows[r].Select(c => c with { Runs = c.Runs.Select(x => x with { Face = x.Face == Face.Regular ? Face.Bold : x.Face }).ToList() }).ToList() : rows[r];
            var layout = Layout(w, cells, widths, size, PageWriter.Ink);
            if (layout.Height > w.Room)
            {
                w.NewPage();
                DrawRow(w, columns, widths, header, headerLayout, headerSize, HeaderFill);
            }
            DrawRow(w, columns, widths, cells, layout, size, r % 2 == 1 ? Stripe : null);
        }
        using var paint = new SKPaint { Color = Line, StrokeWidth = 0.75f };
        w.Canvas.DrawLine(PageWriter.Left, w.Y, PageWriter.Left + PageWriter.Width, w.Y, paint);
    }

    private sealed record RowLayout(IReadOnlyList<List<TextLine>> Cells, float Height);

    private static float RowHeightOf(PageWriter w, IReadOnlyList<TableCell>? row, float[] widths, float size) =>
        row is null ? 0 : Layout(w, row, widths, size, PageWriter.Ink).Height;

    private static RowLayout Layout(PageWriter w, IReadOnlyList<TableCell> cells, float[] widths, float size, SKColor color)
    {
        var laid = cells.Select((c, i) => TextLayout.Wrap(c.Runs, size, widths[i] - 2 * PadX - c.Indent - (c.Dot is null ? 0 : DotSize + 4), w.Fonts, color)).ToList();
        return new RowLayout(laid, laid.Max(l => l.Count) * size * 1.3f + 2 * PadY);
    }

    private static void DrawRow(PageWriter w, IReadOnlyList<TableColumn> columns, float[] widths, IReadOnlyList<TableCell> cells, RowLayout layout, float size, SKColor? fill)
    {
        var canvas = w.Canvas;
        if (fill is { } f)
        {
            using var background = new SKPaint { Color = f };
            canvas.DrawRect(PageWriter.Left, w.Y, PageWriter.Width, layout.Height, background);
        }
        var x = PageWriter.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var textX = x + PadX + cell.Indent;
            if (cell.Dot is { } dot)
            {
                using var paint = new SKPaint { Color = dot, IsAntialias = true };
                canvas.DrawCircle(textX + DotSize / 2, w.Y + PadY + size * 0.62f, DotSize / 2, paint);
                textX += DotSize + 4;
            }
            var baseline = w.Y + PadY + size;
            foreach (var line in layout.Cells[i])
            {
                var lineX = columns[i].AlignRight ? x + widths[i] - PadX - line.Width : textX;
                w.DrawLine(line, lineX, baseline, size);
                baseline += size * 1.3f;
            }
            x += widths[i];
        }
        using var rule = new SKPaint { Color = Line, StrokeWidth = 0.4f };
        canvas.DrawLine(PageWriter.Left, w.Y + layout.Height, PageWriter.Left + PageWriter.Width, w.Y + layout.Height, rule);
        w.Y += layout.Height;
    }
}
