using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Styrkort.Core.Evaluation;

namespace Styrkort.Reports.Xlsx;

/// <summary>A number shown in an Excel number format (a format code such as <c>#,##0.0" %"</c>), in a style of its own or plain.</summary>
public sealed record NumberCell(object? Value, string Format, Style Style = Style.Plain);

/// <summary>
/// Collects one sheet's rows. Numbers are written as the evaluator gave them: decimals exactly, doubles round-trip;
/// dates (<see cref="DateOnly"/>) as Excel dates; anything else as text. A cell is a value, a (value, <see cref="Style"/>)
/// pair, or a <see cref="NumberCell"/>. Made by <see cref="XlsxWorkbook.Sheet"/>.
/// </summary>
public sealed class SheetBuilder
{
    /// <summary>How a date cell is shown: ISO, as everywhere else in the application.</summary>
    public const string DateFormat = "yyyy-mm-dd";

    private readonly SheetData _data = new();
    private readonly List<double> _widths = [];
    private readonly StyleBook _styles;
    private uint _row;
    private uint _headerRow;
    private int _headerColumns;

    internal SheetBuilder(string name, StyleBook styles)
    {
        Name = name;
        _styles = styles;
    }

    public string Name { get; }

    /// <summary>A table's header row: frozen, so it stays in view, with an autofilter over the rows below it.</summary>
    public SheetBuilder TableHeader(params string[] cells)
    {
        Header(cells);
        _headerRow = _row;
        _headerColumns = cells.Length;
        return this;
    }

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
            string? format = null;
            if (value is NumberCell n) (value, format, cellStyle) = (n.Value, n.Format, n.Style);
            if (value is DateOnly date) (value, format) = ((double)date.DayNumber - new DateOnly(1899, 12, 30).DayNumber, format ?? DateFormat);
            if (value is null) continue;
            var cell = new Cell { CellReference = Reference(i, _row), StyleIndex = _styles.Index(cellStyle, format) };
            if (value is decimal or double or long or int) Widen(i, format is null ? 10 : 14);
            switch (value)
            {
                case decimal d: cell.DataType = CellValues.Number; cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)); break;
                case double d when double.IsFinite(d): cell.DataType = CellValues.Number; cell.CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case long or int: cell.DataType = CellValues.Number; cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
                case double: continue;
                default:
                    var text = XlsxText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
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

    /// <summary>The autofilter's range ("A1:F20"), when the sheet has a table header; the workbook names it for Excel.</summary>
    public string? FilterRange => _headerRow == 0 ? null
        : $"{Reference(0, _headerRow)}:{Reference(Math.Max(0, _headerColumns - 1), Math.Max(_row, _headerRow))}";

    internal Worksheet Build()
    {
        var worksheet = new Worksheet();
        if (_headerRow > 0)
        {
            // Frozen below the header row: the pane splits there and the rows below scroll.
            var topLeft = Reference(0, _headerRow + 1);
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = _headerRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0 }));
        }
        if (_widths.Count > 0)
            worksheet.Append(new Columns(_widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(w + 2, 10, 60), CustomWidth = true })));
        worksheet.Append(_data);
        if (FilterRange is { } range) worksheet.Append(new AutoFilter { Reference = range });
        return worksheet;
    }

    private void Widen(int column, int length)
    {
        while (_widths.Count <= column) _widths.Add(12);
        _widths[column] = Math.Max(_widths[column], Math.Min(length, 60));
    }

    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
