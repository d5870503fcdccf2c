using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Styrkort.Reports.Xlsx;

/// <summary>The cell styles every workbook has, by their index in <see cref="Styles.Sheet"/>.</summary>
public enum Style : uint { Plain = 0, Header = 1, Title = 2, Met = 3, NotMet = 4, NoData = 5, NoTarget = 6, AtRisk = 7 }

/// <summary>
/// The workbook's styles: plain, header, title and one fill per status, in the order of <see cref="Style"/>, then the
/// number-formatted ones a <see cref="StyleBook"/> collected. Child elements follow the schema's order (number
/// formats before fonts, a font's size before its colour), or Excel calls the file damaged.
/// </summary>
internal static class Styles
{
    public const int FixedCount = 8;

    /// <summary>The first id of a custom number format; lower ones are Excel's built-in formats.</summary>
    private const uint FirstCustomFormat = 164;

    public static Stylesheet Sheet(IReadOnlyList<(Style Style, string Format)>? formatted = null)
    {
        formatted ??= [];
        static Fill Solid(string hex) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + hex }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, uint numberFormat = 0) => new()
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = 0, ApplyFont = font > 0, ApplyFill = fill > 0,
            ApplyNumberFormat = numberFormat > 0 ? true : null,
        };
        var status = new[] { Status(Core.Evaluation.Status.Met), Status(Core.Evaluation.Status.NotMet), Status(Core.Evaluation.Status.NoData), Status(Core.Evaluation.Status.NoTarget),
            Status(Core.Evaluation.Status.AtRisk) };
        var fixedFormats = new[] { Format(0, 0), Format(1, 2), Format(2, 0), Format(3, 3), Format(3, 4), Format(3, 5), Format(0, 6), Format(3, 7) };
        var codes = formatted.Select(f => f.Format).Distinct(StringComparer.Ordinal).ToList();
        var formatsOfStyles = formatted.Select(f =>
        {
            var fixedOne = fixedFormats[(int)f.Style];
            return Format(fixedOne.FontId!.Value, fixedOne.FillId!.Value, FirstCustomFormat + (uint)codes.IndexOf(f.Format));
        });

        var sheet = new Stylesheet();
        if (codes.Count > 0)
            sheet.Append(new NumberingFormats(codes.Select((c, i) => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = c })) { Count = (uint)codes.Count });
        sheet.Append(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
                new Font(new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" })),
            new Fills(new[] { new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("E8EEF4") }
                .Concat(status.Select(Solid))),
            new Borders(new Border()),
            new CellFormats(fixedFormats.Concat(formatsOfStyles)));
        return sheet;
    }

    private static string Status(Core.Evaluation.Status status) => StatusColors.Hex(status).TrimStart('#');
}
