using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Styrkort.Reports.Xlsx;

/// <summary>
/// The workbook's few styles: plain, header, title and one fill per status, in the order of <see cref="Style"/>. Child
/// elements follow the schema's order (a font's size before its colour), or Excel calls the file damaged.
/// </summary>
internal static class Styles
{
    public static Stylesheet Sheet()
    {
        static Fill Solid(string hex) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + hex }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill) => new() { FontId = font, FillId = fill, BorderId = 0, ApplyFont = font > 0, ApplyFill = fill > 0 };
        var status = new[] { Status(Core.Evaluation.Status.Met), Status(Core.Evaluation.Status.NotMet), Status(Core.Evaluation.Status.NoData), Status(Core.Evaluation.Status.NoTarget),
            Status(Core.Evaluation.Status.AtRisk) };

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
                new Font(new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" })),
            new Fills(new[] { new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("E8EEF4") }
                .Concat(status.Select(Solid))),
            new Borders(new Border()),
            new CellFormats(
                Format(0, 0), Format(1, 2), Format(2, 0),
                Format(3, 3), Format(3, 4), Format(3, 5), Format(0, 6), Format(3, 7)));
    }

    private static string Status(Core.Evaluation.Status status) => StatusColors.Hex(status).TrimStart('#');
}
