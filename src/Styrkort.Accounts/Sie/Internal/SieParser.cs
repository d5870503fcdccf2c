using System.Globalization;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Accounts.Sie.Internal;

/// <summary>
/// Reads the lines of one SIE file into a <see cref="SieDocument"/>: the items by label (unknown labels are ignored, as
/// the standard asks), the vouchers with their blocks, and the control sum. Errors are collected with line and column
/// and thrown together at the end; nothing half-read is returned.
/// </summary>
internal sealed partial class SieParser
{
    private const int WarningsPerKind = 25;

    private readonly string _source;
    private readonly SieText _text;
    private readonly byte[] _bytes;
    private readonly List<InputError> _errors = [];
    private readonly List<SieWarning> _warnings = [];
    private readonly Dictionary<SieWarningKind, int> _warningCounts = [];
    private readonly Dictionary<string, (int Index, int Count)> _repeated = new(StringComparer.Ordinal);
    private int _lastEncodingWarning;
    private (int Start, int Length) _lineSpan;

    private readonly SieDocumentBuilder _doc = new();
    private Ksumma? _ksumma;
    private int _ksummaLine;
    private bool _ksummaDone;
    private bool _sawItem;

    private SieParser(string source, SieText text, byte[] bytes) => (_source, _text, _bytes) = (source, text, bytes);

    public static SieReadResult Parse(byte[] raw, string source)
    {
        var bytes = SieText.Prepare(raw);
        var parser = new SieParser(source, SieText.Sniff(bytes), bytes);
        parser.ReadLines();
        return parser.Finish();
    }

    private void ReadLines()
    {
        // Lines end with LF (a CR before it is allowed); a file with CRs only is read as CR-separated.
        var separator = Array.IndexOf(_bytes, (byte)'\n') >= 0 ? (byte)'\n' : (byte)'\r';
        var start = 0;
        var number = 0;
        while (start <= _bytes.Length && _errors.Count < InputErrorsException.Limit)
        {
            var end = Array.IndexOf(_bytes, separator, start);
            if (end < 0) end = _bytes.Length;
            var length = end - start;
            if (length > 0 && _bytes[start + length - 1] == '\r') length--;
            number++;
            _lineSpan = (start, length);
            Accept(SieLexer.Lex(_bytes.AsSpan(start, length), number));
            start = end + 1;
        }
    }

    private void Accept(SieLine line)
    {
        _item = line;
        if (line.Problem is not null) Warn(SieWarningKind.Syntax, line.Number, line.Problem);
        switch (line.Kind)
        {
            case LineKind.Blank: return;
            case LineKind.Other:
                Warn(SieWarningKind.Syntax, line.Number, "the line does not begin with a #label, { or }; ignored");
                return;
            case LineKind.Open: OpenBlock(); return;
            case LineKind.Close: CloseBlock(); return;
        }
        _sawItem = true;
        if (line.Label == "#KSUMMA") { ControlSum(); return; }
        if (_ksumma is not null && !_ksummaDone) _ksumma.Add(line);
        Item();
    }

    private void ControlSum()
    {
        if (_item.Fields.Count == 0)
        {
            if (_ksumma is null) { _ksumma = new Ksumma(); _ksummaLine = _item.Number; }
            return;
        }
        var text = Text(0);
        if (_ksumma is null || _ksummaDone)
        {
            Warn(SieWarningKind.Checksum, _item.Number, "#KSUMMA with a sum but no opening #KSUMMA before it; not checked");
            return;
        }
        _ksummaDone = true;
        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            Warn(SieWarningKind.Checksum, _item.Number, $"#KSUMMA '{text}' is not a control sum; not checked");
            _doc.Checksum = Checksum.Invalid;
            return;
        }
        _doc.Checksum = expected == _ksumma.Value ? Checksum.Valid : Checksum.Invalid;
        if (_doc.Checksum == Checksum.Invalid)
            Warn(SieWarningKind.Checksum, _item.Number,
                $"the control sum does not match (the file says {expected}, its content gives {_ksumma.Value}): it was changed after it was written, or damaged");
    }

    private SieReadResult Finish()
    {
        if (_errors.Count < InputErrorsException.Limit) EndOfFile();
        if (!_sawItem && _errors.Count == 0)
            ErrorAt(1, 1, "this is not an SIE file: no line begins with a #label such as #FLAGGA, #RAR or #VER");
        if (_errors.Count > 0) throw new InputErrorsException(_errors.Take(InputErrorsException.Limit).ToList());
        var document = _doc.Build(_source, _text.Name, Warn);
        foreach (var warning in SieChecks.Run(document)) Warn(warning.Kind, warning.Line, warning.Message);
        foreach (var (index, count) in _repeated.Values.Where(r => r.Count > 1 && r.Index >= 0))
            _warnings[index] = _warnings[index] with { Message = $"{_warnings[index].Message} (and on {count - 1} more lines)" };
        foreach (var (kind, count) in _warningCounts.Where(c => c.Value > WarningsPerKind).OrderBy(c => c.Key))
            _warnings.Add(new SieWarning(kind, 0, $"… and {count - WarningsPerKind} more warnings like these ({kind})"));
        return new SieReadResult(document, _warnings);
    }

    private void EndOfFile()
    {
        _item = new SieLine(LineKind.Blank, _item?.Number ?? 0, "", [], 0, null);
        if (_block == Block.Inside)
            ErrorAt(_voucher!.Line, 1, $"the file ends inside the voucher that begins here (no closing '}}'); is the file cut short?");
        else if (_block == Block.AwaitingOpen) EndVoucher();
        if (_ksumma is not null && !_ksummaDone)
            ErrorAt(_ksummaLine, 1, "the file announces a control sum (#KSUMMA) but ends without it; is the file cut short?");
        if (_doc.DeclaredFormat is { } format && _doc.FormatLine > 0)
        {
            var declared = format.Equals("PC8", StringComparison.OrdinalIgnoreCase) ? "CP437" : format;
            if (!declared.Equals(_text.Name, StringComparison.OrdinalIgnoreCase))
                Warn(SieWarningKind.Encoding, _doc.FormatLine, $"the file says #FORMAT {format} but its text is {_text.Name}; it was read as {_text.Name}");
        }
    }

    private void Warn(SieWarningKind kind, int line, string message)
    {
        if (kind == SieWarningKind.Encoding && line > 0)
        {
            if (line == _lastEncodingWarning) return;
            _lastEncodingWarning = line;
        }
        var count = _warningCounts[kind] = _warningCounts.GetValueOrDefault(kind) + 1;
        if (count <= WarningsPerKind) _warnings.Add(new SieWarning(kind, line, message));
    }

    /// <summary>A tolerated habit of the producing program: said once, with the number of lines it applies to.</summary>
    private void WarnOnce(SieWarningKind kind, int line, string message)
    {
        if (_repeated.TryGetValue(message, out var seen)) { _repeated[message] = seen with { Count = seen.Count + 1 }; return; }
        var before = _warnings.Count;
        Warn(kind, line, message);
        _repeated[message] = (_warnings.Count > before ? before : -1, 1);
    }

    private void ErrorAt(int line, int column, string message)
    {
        if (_errors.Count < InputErrorsException.Limit) _errors.Add(new InputError(new SourceLocation(_source, line, column), message));
    }

    /// <summary>A byte column of the current line as a character column (they differ after multi-byte UTF-8 text).</summary>
    private int CharColumn(int byteColumn)
    {
        var prefix = Math.Clamp(byteColumn - 1, 0, _lineSpan.Length);
        return _text.CharCount(_bytes.AsSpan(_lineSpan.Start, prefix)) + 1;
    }

    private int LineEndColumn() => _text.CharCount(_bytes.AsSpan(_lineSpan.Start, _lineSpan.Length)) + 1;
}
