namespace Styrkort.Accounts.Sie.Internal;

/// <summary>A field of an item: its bytes (quotes removed, <c>\"</c> unescaped), or an object list <c>{1 "10" 6 P1}</c>.</summary>
internal sealed record SieField(byte[] Bytes, int Column, bool Quoted, IReadOnlyList<SieField>? Objects, bool Unclosed)
{
    public bool IsObjectList => Objects is not null;
}

internal enum LineKind { Blank, Item, Open, Close, Other }

/// <summary>One line: an item (#LABEL and its fields), a brace, a blank line, or something else.</summary>
internal sealed record SieLine(LineKind Kind, int Number, string Label, IReadOnlyList<SieField> Fields, int Column, string? Problem)
{
    /// <summary>The label as written, for the control sum.</summary>
    public byte[] LabelBytes { get; init; } = [];
}

/// <summary>
/// Splits one line of an SIE file into label and fields. Fields are separated by runs of spaces and tabs (any control
/// character counts as a space); a field is quoted ("…", where \" is a quote and any other backslash is itself),
/// an object list {…}, or a run of other characters. Never throws: what it cannot read it reports as a problem.
/// </summary>
internal static class SieLexer
{
    public static SieLine Lex(ReadOnlySpan<byte> line, int number)
    {
        var i = SkipSpace(line, 0);
        if (i == line.Length) return new SieLine(LineKind.Blank, number, "", [], 0, null);
        var first = line[i];
        if (first is (byte)'{' or (byte)'}')
        {
            var rest = SkipSpace(line, i + 1);
            var problem = rest < line.Length ? $"text after '{(char)first}' ignored" : null;
            return new SieLine(first == '{' ? LineKind.Open : LineKind.Close, number, "", [], i + 1, problem);
        }
        if (first != '#') return new SieLine(LineKind.Other, number, "", [], i + 1, null);

        var start = i;
        while (i < line.Length && line[i] > ' ') i++;
        var (label, labelBytes) = Label(line[start..i]);
        var fields = new List<SieField>();
        string? trouble = null;
        while (true)
        {
            i = SkipSpace(line, i);
            if (i >= line.Length) break;
            var (field, next, issue) = line[i] == '{' ? ObjectList(line, i) : Field(line, i, stopAtBrace: false);
            fields.Add(field);
            trouble ??= issue;
            i = next;
        }
        return new SieLine(LineKind.Item, number, label, fields, start + 1, trouble) { LabelBytes = labelBytes };
    }

    private static readonly (byte[] Bytes, string Text)[] Labels =
        [.. new[] { "#TRANS", "#VER", "#RTRANS", "#BTRANS", "#PSALDO", "#PBUDGET", "#IB", "#UB", "#RES", "#OIB", "#OUB", "#KONTO", "#KTYP",
            "#SRU", "#ENHET", "#OBJEKT", "#DIM", "#UNDERDIM", "#RAR", "#KSUMMA" }.Select(l => (System.Text.Encoding.ASCII.GetBytes(l), l))];

    /// <summary>The label in capitals; the frequent ones without allocating a string each time.</summary>
    private static (string Text, byte[] Bytes) Label(ReadOnlySpan<byte> bytes)
    {
        foreach (var (known, text) in Labels)
            if (bytes.SequenceEqual(known)) return (text, known);
        return (System.Text.Encoding.Latin1.GetString(bytes).ToUpperInvariant(), bytes.ToArray());
    }

    private static int SkipSpace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] <= ' ') i++;
        return i;
    }

    private static (SieField, int Next, string? Problem) Field(ReadOnlySpan<byte> line, int i, bool stopAtBrace)
    {
        var column = i + 1;
        if (line[i] == '"')
        {
            var bytes = new List<byte>();
            i++;
            while (i < line.Length)
            {
                var b = line[i];
                if (b == '\\' && i + 1 < line.Length && line[i + 1] == '"') { bytes.Add((byte)'"'); i += 2; continue; }
                if (b == '"') return (new SieField([.. bytes], column, true, null, false), i + 1, null);
                bytes.Add(b);
                i++;
            }
            return (new SieField([.. bytes], column, true, null, false), i, $"the quote begun in column {column} is not closed; the text runs to the end of the line");
        }
        var start = i;
        while (i < line.Length && line[i] > ' ' && !(stopAtBrace && (line[i] == '}' || line[i] == '"'))) i++;
        return (new SieField(line[start..i].ToArray(), column, false, null, false), i, null);
    }

    private static (SieField, int Next, string? Problem) ObjectList(ReadOnlySpan<byte> line, int i)
    {
        var column = i + 1;
        var items = new List<SieField>();
        string? problem = null;
        i++;
        while (true)
        {
            i = SkipSpace(line, i);
            if (i >= line.Length)
                return (new SieField([], column, false, items, true), i, problem);
            if (line[i] == '}') return (new SieField([], column, false, items, false), i + 1, problem);
            var (item, next, issue) = Field(line, i, stopAtBrace: true);
            problem ??= issue;
            // A lone '{' inside a list cannot be read as anything; step over it rather than loop on it.
            if (next == i) next = i + 1;
            items.Add(item);
            i = next;
        }
    }
}
