using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Styrkort.Core.Evaluation;

namespace Styrkort.Reports.Xlsx;

/// <summary>The cell styles of the workbook, by their index in <see cref="Styles.Sheet"/>.</summary>
internal enum Style : uint { Plain = 0, Header = 1, Title = 2, Met = 3, NotMet = 4, NoData = 5, NoTarget = 6, AtRisk = 7 }

/// <summary>Collects one sheet's rows. Numbers are written as the evaluator gave them: decimals exactly, doubles round-trip.</summary>
internal sealed class SheetBuilder(string name)
{
    private readonly SheetData _data = new();
    private readonly List<double> _widths = [];
    private uint _row;

    public string Name { get; } = name;

    public SheetBuilder Row(params object?[] cells) => StyledRow(Style.Plain, cells);

    public SheetBuilder Header(params string[] cells) => StyledRow(Style.Header, cells);

    public SheetBuilder Title(string text) => StyledRow(Style.Title, text);

    public SheetBuilder Blank()
    {
        _row++;
        return this;
    }

    /// <summary>A row whose cells are values, or (value, style) pairs for a cell of its own style.</summary>
    public SheetBuilder StyledRow(Style style, params object?[] cells)
    {
        var row = new Row { RowIndex = ++_row };
        for (var i = 0; i < cells.Length; i++)
        {
            var (value, cellStyle) = cells[i] is (var v, Style s) ? (v, s) : (cells[i], style);
            if (value is null) continue;
            var cell = new Cell { CellReference = Reference(i, _row), StyleIndex = (uint)cellStyle };
            switch (value)
            {
                case decimal d: cell.DataType = CellValues.Number; cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)); break;
                case double d when double.IsFinite(d): cell.DataType = CellValues.Number; cell.CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case long or int: cell.DataType = CellValues.Number; cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
                case double: continue;
                default:
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                    Widen(i, text.Length);
                    break;
            }
            row.Append(cell);
        }
        _data.Append(row);
        return this;
    }

    /// <summary>A quantity as its raw number: exact decimal or double, nothing when missing.</summary>
    public static object? Raw(Quantity? q) => q is { Exact: { } e } ? e : q is { Approximate: { } a } ? a : null;

    public static Style StatusStyle(Status status) => status switch
    {
        Status.Met => Style.Met,
        Status.NotMet => Style.NotMet,
        Status.NoData => Style.NoData,
        Status.AtRisk => Style.AtRisk,
        _ => Style.NoTarget,
    };

    public Worksheet Build()
    {
        var worksheet = new Worksheet();
        if (_widths.Count > 0)
            worksheet.Append(new Columns(_widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(w + 2, 10, 60), CustomWidth = true })));
        worksheet.Append(_data);
        return worksheet;
    }

    private void Widen(int column, int length)
    {
        while (_widths.Count <= column) _widths.Add(12);
        _widths[column] = Math.Max(_widths[column], Math.Min(length, 60));
    }

    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
