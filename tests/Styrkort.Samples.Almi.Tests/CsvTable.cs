using System.Text;

namespace Styrkort.Samples.Almi.Tests;

/// <summary>A strict reader of the sample CSV format (LF rows, <c>"</c> quoting), independent of the generator's writer.</summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<string[]> Rows { get; }

    public int Column(string name)
    {
        int index = Array.IndexOf(Header, name);
        return index >= 0 ? index : throw new ArgumentException($"No column '{name}' in [{string.Join(", ", Header)}].");
    }

    public IEnumerable<string> Values(string column)
    {
        int c = Column(column);
        return Rows.Select(r => r[c]);
    }

    public IEnumerable<string> Keys(params string[] columns)
    {
        int[] cs = columns.Select(Column).ToArray();
        return Rows.Select(r => string.Join('\u001f', cs.Select(c => r[c])));
    }

    public static CsvTable Read(string path)
    {
        string text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '"':
                    throw new FormatException($"{path}: quote inside an unquoted field, record {records.Count + 1}.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (quoted || field.Length > 0 || fields.Count > 0)
            throw new FormatException($"{path}: the last record does not end with a line feed.");
        if (records.Count == 0)
            throw new FormatException($"{path}: no header.");
        var header = records[0];
        var rows = records.Skip(1).ToList();
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != header.Length)
                throw new FormatException($"{path}: row {r + 1} has {rows[r].Length} fields, the header {header.Length}.");
        }
        return new CsvTable(header, rows);
    }
}
