using System.Globalization;
using Styrkort.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using Styrkort.Core.Presentation;

namespace Styrkort.Core.GoalFiles;

/// <summary>
/// Typed, located access to the YAML nodes of one goal file; every complaint names line and column. A complaint is
/// thrown, and caught by the reader at the entry it spoils (<see cref="Try"/>), which is skipped; what does not spoil
/// an entry (an unknown key) is only reported, into <see cref="Errors"/>, shared by a goal file and its includes.
/// </summary>
internal sealed class YamlSource(string path, string text, List<StyrkortException>? errors = null)
{
    public string Path { get; } = path;

    /// <summary>Every error reported so far, in the order found.</summary>
    public List<StyrkortException> Errors { get; } = errors ?? [];

    public void Report(StyrkortException error) => Errors.Add(error);

    /// <summary>Reads one entry; an error is reported and false returned, so that the caller skips the entry and goes on.</summary>
    public bool Try(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (StyrkortException e)
        {
            Report(e);
            return false;
        }
    }

    public SourceLocation Loc(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public StyrkortException Error(YamlNode node, string message) => new(Loc(node), message);

    public StyrkortException Error(YamlNode node, Message said) => new(Loc(node), said);

    public YamlMappingNode Map(YamlNode node, string what, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode map) throw Error(node, new Message("yaml.expected_mapping", what));
        // An unknown key is left out and the entry read without it: the rest of the entry may still be right.
        if (allowedKeys.Length > 0)
            foreach (var (key, value) in map.Children)
                if (!allowedKeys.Contains(Str(key)))
                    Report(Error(key, new Message(CommaHint(map, value) ? "yaml.unknown_key_comma" : "yaml.unknown_key", Str(key), what, string.Join(", ", allowedKeys))));
        return map;
    }

    /// <summary>
    /// In a one-line mapping (<c>{sv: Delvis bonus, en: 90 %, 1 part}</c>) a comma ends the entry: the text after it
    /// becomes a key without a value. Say so, since the message alone points at a key nobody wrote.
    /// </summary>
    private static bool CommaHint(YamlMappingNode map, YamlNode value) =>
        map.Style == YamlDotNet.Core.Events.MappingStyle.Flow && value is YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain };

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Get(map, key) ?? throw Error(map, new Message("yaml.needs_key", what, key));

    public string Str(YamlNode node) => node is YamlScalarNode { Value: { } v } ? Checked(node, v) : throw Error(node, new Message("yaml.expected_text"));

    /// <summary>
    /// Text from a goal file ends up in SQL literals, names and web pages: a NUL or another control character (other
    /// than tab and line breaks) there is a mistake or an attack, never meant.
    /// </summary>
    private string Checked(YamlNode node, string value)
    {
        for (var i = 0; i < value.Length; i++)
            if (char.IsControl(value[i]) && value[i] is not ('\t' or '\n' or '\r'))
                throw Error(node, $"the control character U+{(int)value[i]:X4} is not allowed in a goal file's text (at character {i + 1} of the value)");
        return value;
    }

    public string? OptStr(YamlMappingNode map, string key) => Get(map, key) is { } n ? Str(n) : null;

    public decimal Number(YamlNode node)
    {
        var text = Str(node);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Error(node, new Message("yaml.expected_number", text));
    }

    public bool Bool(YamlNode node) => Str(node) switch
    {
        "true" => true,
        "false" => false,
        var s => throw Error(node, new Message("yaml.expected_bool", s)),
    };

    public IReadOnlyList<YamlNode> List(YamlNode node, string what) => node switch
    {
        YamlSequenceNode seq => seq.Children.ToList(),
        YamlScalarNode => [node],
        _ => throw Error(node, new Message("yaml.expected_list", what)),
    };

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlNode? node, string what)
    {
        if (node is null) yield break;
        foreach (var (k, v) in Map(node, what).Children) yield return (Str(k), k, v);
    }

    /// <summary>A formula from a scalar, with offsets in its value mapped back to file lines and columns.</summary>
    public Formula Formula(YamlNode node)
    {
        if (node is not YamlScalarNode scalar) throw Error(node, "expected a formula (text)");
        // Control characters are the lexer's to refuse: it can point at the character.
        var value = scalar.Value ?? "";
        if (value.Length > Limits.FormulaChars)
            throw Error(node, $"the formula is {value.Length} characters long; a formula has at most {Limits.FormulaChars}");
        var segments = Segments(scalar, value);
        SourceLocation Locate(int offset)
        {
            // The last source line that starts at or before the offset; an offset past its text (a line break) is its end.
            var (start, line, column, length) = segments.LastOrDefault(s => s.Offset <= offset, segments[0]);
            return new SourceLocation(Path, line, column + Math.Clamp(offset - start, 0, length));
        }
        return new Formula(value, Loc(node), Locate);
    }

    // Each source line the scalar's value came from: where its text lies in the value and where it starts in the file.
    // YAML joins lines in several ways (a space, a line break, blank lines dropped, the extra indentation of a
    // more-indented line kept), so each line's text is found in the value rather than its offset computed.
    private List<(int Offset, int Line, int Column, int Length)> Segments(YamlScalarNode scalar, string value)
    {
        var raw = text[(int)scalar.Start.Index..Math.Min(text.Length, (int)scalar.End.Index)];
        var lines = raw.Split('\n');
        var result = new List<(int, int, int, int)>();
        var block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var cursor = 0;
        for (var i = block ? 1 : 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var first = i == 0 && quoted ? 1 : 0;
            var end = i == lines.Length - 1 && quoted && line.Length > first ? line.Length - 1 : line.Length;
            var content = line[first..end].TrimEnd();
            var lead = content.Length - content.TrimStart().Length;
            content = content.TrimStart();
            if (content.Length == 0) continue;
            var at = value.IndexOf(content, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                // Escapes in a quoted scalar change its text: assume one separator. Anything else is not the value's.
                if (!quoted) continue;
                at = Math.Min(value.Length, result.Count == 0 ? 0 : cursor + 1);
            }
            result.Add((at, (int)scalar.Start.Line + i, (i == 0 ? (int)scalar.Start.Column : 1) + first + lead, content.Length));
            cursor = at + content.Length;
        }
        if (result.Count == 0) result.Add((0, (int)scalar.Start.Line, (int)scalar.Start.Column + (quoted ? 1 : 0), 0));
        return result;
    }

    public static YamlMappingNode Load(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(path, text);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new StyrkortException(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), new Message("yaml.invalid", e.InnerException?.Message ?? e.Message));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails so on some unclosed lists ("[a" before a key); it knows no place.
            throw new StyrkortException(new SourceLocation(path, 0, 0), new Message("yaml.not_closed", e.Message));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new StyrkortException(new SourceLocation(path, 1, 1), new Message("goalfile.not_mapping"));
        return root;
    }

    /// <summary>
    /// YamlDotNet's loader recurses once per level of nesting, so <c>[[[[…</c> 20 000 deep would overflow the stack:
    /// its event parser does not recurse, and counts the levels first.
    /// </summary>
    private static void CheckDepth(string path, string text)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart:
                    if (++depth > Limits.YamlDepth)
                        throw new StyrkortException(new SourceLocation(path, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column),
                            $"lists and mappings nest more than {Limits.YamlDepth} deep");
                    break;
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
    }
}
