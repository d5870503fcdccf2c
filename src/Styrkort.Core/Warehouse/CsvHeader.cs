using System.Globalization;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.Warehouse;

/// <summary>Reads the header row of a CSV file (UTF-8, with or without a byte-order mark, LF or CRLF).</summary>
internal static class CsvHeader
{
    /// <summary>
    /// The column names. Read a character at a time and refused as soon as it passes <see cref="Limits.CsvColumns"/>
    /// columns or <see cref="Limits.CsvHeaderChars"/> characters: DuckDB is never asked to read a file a million columns wide.
    /// </summary>
    public static IReadOnlyList<string> Read(string path, string displayName)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var names = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var length = 0;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var ch = (char)next;
            if (!quoted && ch == '\n') break;
            if (++length > Limits.CsvHeaderChars)
                throw new StyrkortException(new SourceLocation(displayName, 1, 0),
                    Invariant($"the header row is longer than {Limits.CsvHeaderChars} characters; a file has at most {Limits.CsvColumns} columns"));
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); length++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',')
            {
                names.Add(field.ToString().Trim());
                field.Clear();
                if (names.Count >= Limits.CsvColumns)
                    throw new StyrkortException(new SourceLocation(displayName, 1, Limits.CsvColumns + 1),
                        Invariant($"the header has more than {Limits.CsvColumns} columns; a file has at most {Limits.CsvColumns}"));
            }
            else field.Append(ch);
        }
        names.Add(field.ToString().Trim());
        if (names.Count == 1 && string.IsNullOrWhiteSpace(names[0]))
            throw new StyrkortException(new SourceLocation(displayName, 1, 1), new Presentation.Message("csv.empty"));
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new StyrkortException(new SourceLocation(displayName, 1, names.FindLastIndex(n => n.Equals(duplicate.Key, StringComparison.OrdinalIgnoreCase)) + 1),
                $"column '{duplicate.Key}' appears twice in the header");
        return names;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
