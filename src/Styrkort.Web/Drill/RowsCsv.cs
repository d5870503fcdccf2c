using System.Text;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Web.Drill;

/// <summary>
/// Rows of a dataset as CSV in the dataset's own columns and the forms its import reads (so a download can be checked,
/// edited and imported again): comma separated, UTF-8 with a byte-order mark so that Excel reads å, ä and ö. Text that a
/// spreadsheet would run as a formula gets a leading apostrophe (<see cref="Exports.CsvText"/>); the Excel download
/// keeps such text exactly.
/// </summary>
public static class RowsCsv
{
    public static void Write(Stream output, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(",", columns.Select(c => Field(c.Name))));
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) writer.Write(',');
                writer.Write(Field(row[i] is string text ? Exports.CsvText.Defuse(text) : RowCells.Csv(row[i], columns[i])));
            }
            writer.WriteLine();
        }
    }

    // RFC 4180: a field with a separator, a quote or a line break is quoted, its quotes doubled.
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
