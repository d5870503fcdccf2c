using System.Text;
using Styrkort.Core.Diagnostics;

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
    /// <summary>The reader's messages, in English; a user interface in another language recognises them by these.</summary>
    public const string UnclosedQuote = "a quoted field is not closed before the end of the file";
    public const string TextAfterQuote = "text after a closing quote; a quote inside a field is written twice (\"\")";
    public const string QuoteInField = "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")";

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
                    if (next < 0) throw Error(fields.Count + 1, UnclosedQuote);
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
                    throw Error(fields.Count + 1, quoted ? TextAfterQuote : QuoteInField);
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

    private InputErrorsException Error(int column, string message) =>
        new([new InputError(new SourceLocation(displayName, _line, column), message)]);

    private InputErrorsException TooLong(int column) =>
        Error(column, $"the record is longer than {Limits.CsvLineBytes / (1024 * 1024)} MB");
}
