using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Presentation;

namespace Styrkort.Core.Warehouse.Csv;

/// <summary>One field as written: its text (quotes removed) and whether it was quoted (an empty quoted field is '', not NULL).</summary>
public readonly record struct CsvField(string Text, bool Quoted);

/// <summary>
/// Reads CSV records (RFC 4180 with a chosen separator) from text, one at a time: a field may be quoted, a quote in
/// it doubled, a line break inside quotes is part of the field. Each record knows its line in the file (where it
/// starts); a quote where none may be, or a record longer than <see cref="Limits.CsvLineBytes"/>, is an error that
/// names file, line and column.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char separator, string displayName)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The line the last record returned starts on (1 for the header).</summary>
    public int Line { get; private set; }

    /// <summary>The next record, or null at the end of the file.</summary>
    public List<CsvField>? Next()
    {
        if (reader.Peek() < 0) return null;
        Line = _line;
        var fields = new List<CsvField>();
        var length = 0;
        while (true)
        {
            _field.Clear();
            var quoted = reader.Peek() == '"';
            if (quoted)
            {
                reader.Read();
                length++;
                while (true)
                {
                    var next = reader.Read();
                    if (next < 0) throw Error(fields.Count + 1, new Message("csv.unclosed_quote"));
                    if (++length > Limits.CsvLineBytes) throw TooLong(fields.Count + 1);
                    if (next == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); length++; _field.Append('"'); continue; }
                        break;
                    }
                    if (next == '\n') _line++;
                    _field.Append((char)next);
                }
            }
            int end;
            while (true)
            {
                end = reader.Read();
                if (end < 0 || end == separator || end == '\n') break;
                if (end == '\r' && (reader.Peek() == '\n' || reader.Peek() < 0)) continue;
                if (quoted || end == '"')
                    throw Error(fields.Count + 1, new Message(quoted ? "csv.text_after_quote" : "csv.quote_in_field"));
                if (++length > Limits.CsvLineBytes) throw TooLong(fields.Count + 1);
                _field.Append((char)end);
            }
            fields.Add(new CsvField(_field.ToString(), quoted));
            if (end != separator)
            {
                if (end == '\n') _line++;
                return fields;
            }
            length++;
        }
    }

    // Messages from the catalogue: English for the CLI and the API, the user's language on a page.
    private InputErrorsException Error(int column, Message message) =>
        new([new InputError(new SourceLocation(displayName, _line, column), message)]);

    private InputErrorsException TooLong(int column) =>
        Error(column, new Message("csv.record_too_long", Limits.CsvLineBytes / (1024 * 1024)));
}
