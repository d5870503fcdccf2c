using System.Globalization;
using Styrkort.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

/// <summary>Typed, located access to the YAML nodes of one goal file; every complaint names line and column.</summary>
internal sealed class YamlSource(string path, string text)
{
    public string Path { get; } = path;

    public SourceLocation Loc(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public StyrkortException Error(YamlNode node, string message) => new(Loc(node), message);

    public YamlMappingNode Map(YamlNode node, string what, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode map) throw Error(node, $"expected a mapping ({what})");
        if (allowedKeys.Length > 0)
            foreach (var key in map.Children.Keys)
                if (!allowedKeys.Contains(Str(key)))
                    throw Error(key, $"unknown key '{Str(key)}' in {what}; expected one of: {string.Join(", ", allowedKeys)}");
        return map;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Get(map, key) ?? throw Error(map, $"{what} needs '{key}'");

    public string Str(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : throw Error(node, "expected a text value");

    public string? OptStr(YamlMappingNode map, string key) => Get(map, key) is { } n ? Str(n) : null;

    public decimal Number(YamlNode node)
    {
        var text = Str(node);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Error(node, $"expected a number with '.' as decimal point, found '{text}'");
    }

    public bool Bool(YamlNode node) => Str(node) switch
    {
        "true" => true,
        "false" => false,
        var s => throw Error(node, $"expected true or false, found '{s}'"),
    };

    public IReadOnlyList<YamlNode> List(YamlNode node, string what) => node switch
    {
        YamlSequenceNode seq => seq.Children.ToList(),
        YamlScalarNode => [node],
        _ => throw Error(node, $"expected a list ({what})"),
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
        var value = scalar.Value ?? "";
        var segments = Segments(scalar);
        SourceLocation Locate(int offset)
        {
            var remaining = offset;
            foreach (var (line, column, length) in segments)
            {
                if (remaining <= length) return new SourceLocation(Path, line, column + remaining);
                remaining -= length + 1;
            }
            var last = segments[^1];
            return new SourceLocation(Path, last.Line, last.Column + last.Length);
        }
        return new Formula(value, Loc(node), Locate);
    }

    // Each source line the scalar's value came from: where its content starts and how long it is.
    private List<(int Line, int Column, int Length)> Segments(YamlScalarNode scalar)
    {
        var raw = text[(int)scalar.Start.Index..Math.Min(text.Length, (int)scalar.End.Index)];
        var lines = raw.Split('\n');
        var result = new List<(int, int, int)>();
        var block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        for (var i = block ? 1 : 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lead = i == 0 ? (quoted ? 1 : 0) : line.Length - line.TrimStart().Length;
            var content = line[lead..];
            if (i == lines.Length - 1 && quoted && content.Length > 0) content = content[..^1];
            var column = (i == 0 ? (int)scalar.Start.Column : 1) + lead;
            result.Add(((int)scalar.Start.Line + i, column, content.TrimEnd().Length));
        }
        if (result.Count == 0) result.Add(((int)scalar.Start.Line, (int)scalar.Start.Column, 0));
        return result;
    }

    public static YamlMappingNode Load(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new StyrkortException(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new StyrkortException(new SourceLocation(path, 1, 1), "a goal file is a YAML mapping with the sections datasets, units, metrics, goals…");
        return root;
    }
}
