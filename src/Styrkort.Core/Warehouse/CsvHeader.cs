using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.Warehouse;

/// <summary>Reads the header row of a CSV file (UTF-8, with or without a byte-order mark, LF or CRLF).</summary>
internal static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path, string displayName)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(line))
            throw new StyrkortException(new SourceLocation(displayName, 1, 1), "the file is empty; expected a header row with the column names");
        var names = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { names.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(ch);
        }
        names.Add(field.ToString().Trim());
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new StyrkortException(new SourceLocation(displayName, 1, names.FindLastIndex(n => n.Equals(duplicate.Key, StringComparison.OrdinalIgnoreCase)) + 1),
                $"column '{duplicate.Key}' appears twice in the header");
        return names;
    }
}
