using Language = Styrkort.Core.Presentation.Language;
using SkiaSharp;
using Styrkort.Reports.Charts;

namespace Styrkort.Reports.Pdf;

/// <summary>Draws a goal's chart as vector graphics, with its legend on one line below.</summary>
internal static class ChartBlock
{
    private const float LegendHeight = 16;

    public static void Draw(PageWriter w, GoalSection goal, Language lang, float height)
    {
        var (plot, legend) = HistoryChart.Create(goal, lang);
        w.Ensure(height + LegendHeight);
        w.Canvas.Save();
        w.Canvas.Translate(PageWriter.Left, w.Y);
        plot.Render(w.Canvas, (int)PageWriter.Width, (int)height);
        w.Canvas.Restore();
        w.Y += height + 4;

        var x = PageWriter.Left + 40;
        var font = w.Fonts.Get(Face.Regular, 8);
        var middle = w.Y + 5;
        foreach (var item in legend)
        {
            var color = SKColor.Parse(item.Color);
            using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = item.Swatch == Swatch.Line ? 2 : 1.5f };
            switch (item.Swatch)
            {
                case Swatch.Band:
                    paint.Color = color.WithAlpha(0x30);
                    w.Canvas.DrawRect(x, middle - 4, 16, 8, paint);
                    break;
                case Swatch.Dot:
                    w.Canvas.DrawCircle(x + 8, middle, 3.5f, paint);
                    break;
                default:
                    if (item.Swatch != Swatch.Line) paint.PathEffect = SKPathEffect.CreateDash(item.Swatch == Swatch.Dashed ? [4, 2] : [1.5f, 1.5f], 0);
                    w.Canvas.DrawLine(x, middle, x + 16, middle, paint);
                    break;
            }
            using var text = new SKPaint { Color = PageWriter.Ink, IsAntialias = true };
            w.Canvas.DrawText(item.Label, x + 20, middle + 3, SKTextAlign.Left, font, text);
            x += 20 + font.MeasureText(item.Label) + 14;
        }
        w.Y += LegendHeight;
    }
}
