using System.Globalization;
using System.Text.Json;

namespace Styrkort.Tests.Parity;

/// <summary>
/// Two JSON documents alike: the same properties in the same order, the same strings, booleans, nulls and array
/// lengths, and numbers equal within 1e-9 relative (the engines add up doubles in their own order).
/// </summary>
internal static class JsonParity
{
    private const double Relative = 1e-9;

    public static void AssertSame(string expected, string actual, string what)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        var differences = new List<string>();
        Compare(a.RootElement, b.RootElement, "$", differences);
        Assert.True(differences.Count == 0, $"{what}: {differences.Count} difference(s), first ones:\n" + string.Join('\n', differences.Take(10)));
    }

    private static void Compare(JsonElement a, JsonElement b, string path, List<string> differences)
    {
        if (a.ValueKind != b.ValueKind)
        {
            differences.Add($"{path}: {a.ValueKind} {a.GetRawText()} against {b.ValueKind} {b.GetRawText()}");
            return;
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = (A: a.EnumerateObject().Select(p => p.Name).ToList(), B: b.EnumerateObject().Select(p => p.Name).ToList());
                if (!names.A.SequenceEqual(names.B, StringComparer.Ordinal))
                {
                    differences.Add($"{path}: properties [{string.Join(", ", names.A)}] against [{string.Join(", ", names.B)}]");
                    return;
                }
                foreach (var name in names.A) Compare(a.GetProperty(name), b.GetProperty(name), $"{path}.{name}", differences);
                break;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    differences.Add($"{path}: {a.GetArrayLength()} items against {b.GetArrayLength()}");
                    return;
                }
                foreach (var (x, i) in a.EnumerateArray().Zip(b.EnumerateArray()).Select((pair, i) => (pair, i)))
                    Compare(x.First, x.Second, $"{path}[{i}]", differences);
                break;
            case JsonValueKind.Number:
                if (a.GetRawText() == b.GetRawText()) break;
                var (x1, y1) = (a.GetDouble(), b.GetDouble());
                if (Math.Abs(x1 - y1) > Relative * Math.Max(Math.Abs(x1), Math.Abs(y1)))
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {a.GetRawText()} against {b.GetRawText()}"));
                break;
            default:
                if (a.GetRawText() != b.GetRawText()) differences.Add($"{path}: {a.GetRawText()} against {b.GetRawText()}");
                break;
        }
    }
}
