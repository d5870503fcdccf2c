using System.Globalization;
using System.Text;

namespace Styrkort.Accounts.Datasets;

/// <summary>Writes one CSV file the warehouse import reads: UTF-8 without a byte-order mark, LF, a header row, RFC 4180 quoting.</summary>
internal sealed class CsvTable : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;

    public CsvTable(string path, params string[] header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        _columns = header.Length;
        Row(header);
    }

    public long Rows { get; private set; } = -1;

    public void Row(params object?[] cells)
    {
        if (cells.Length != _columns) throw new ArgumentException($"expected {_columns} cells, got {cells.Length}");
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(Cell(cells[i]));
        }
        _writer.Write('\n');
        Rows++;
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    public void Dispose() => _writer.Dispose();
}
