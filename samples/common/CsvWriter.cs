using System.Globalization;
using System.Text;

namespace Styrkort.Samples;

/// <summary>
/// Writes one CSV file of the sample format: UTF-8 without BOM, LF, invariant numbers, quoting only
/// when a field needs it. Numbers are formatted into a stack buffer so that millions of rows allocate
/// nothing per field.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private bool _atRowStart = true;

    public CsvWriter(string directory, string fileName, params string[] header)
    {
        FileName = fileName;
        var stream = new FileStream(
            Path.Combine(directory, fileName), FileMode.Create, FileAccess.Write, FileShare.Read,
            bufferSize: 1, FileOptions.SequentialScan);
        _writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 17);
        foreach (string column in header)
            Text(column);
        _writer.Write('\n');
        _atRowStart = true;
    }

    public string FileName { get; }

    /// <summary>Data rows written so far, the header not counted.</summary>
    public long Rows { get; private set; }

    public CsvWriter Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
            return this;
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            _writer.Write(value);
            return this;
        }
        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
        return this;
    }

    public CsvWriter Chars(ReadOnlySpan<char> value)
    {
        Separate();
        _writer.Write(value);
        return this;
    }

    public CsvWriter Empty()
    {
        Separate();
        return this;
    }

    public CsvWriter Int(long value)
    {
        Separate();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out int length, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..length]);
        return this;
    }

    public CsvWriter Int(long? value) => value is { } v ? Int(v) : Empty();

    /// <summary>An amount with exactly two decimals.</summary>
    public CsvWriter Money(decimal value)
    {
        Separate();
        Span<char> buffer = stackalloc char[40];
        value.TryFormat(buffer, out int length, "0.00", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..length]);
        return this;
    }

    public CsvWriter Date(DateOnly value)
    {
        Separate();
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out int length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..length]);
        return this;
    }

    public CsvWriter Month(int year, int month)
    {
        Separate();
        Span<char> buffer = stackalloc char[7];
        year.TryFormat(buffer, out _, "0000", CultureInfo.InvariantCulture);
        buffer[4] = '-';
        month.TryFormat(buffer[5..], out _, "00", CultureInfo.InvariantCulture);
        _writer.Write(buffer);
        return this;
    }

    public CsvWriter Bool(bool value)
    {
        Separate();
        _writer.Write(value ? "true" : "false");
        return this;
    }

    public CsvWriter Bool(bool? value) => value is { } v ? Bool(v) : Empty();

    public void EndRow()
    {
        _writer.Write('\n');
        _atRowStart = true;
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private void Separate()
    {
        if (!_atRowStart)
            _writer.Write(',');
        _atRowStart = false;
    }
}
