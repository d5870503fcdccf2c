namespace Styrkort.Reports.Xlsx;

/// <summary>
/// Text as a workbook can hold it. XML 1.0 has no place for most control characters (U+0001 in an imported value, a
/// unit name pasted from elsewhere) nor for a lone surrogate: written as they are, the package writer throws halfway
/// through a download. Each such character becomes U+FFFD, so the reader sees that something was there.
/// </summary>
public static class XlsxText
{
    public static string Clean(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && IsAllowed(span, i, out var width)) i += width;
        if (i == span.Length) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(span[..i]);
        while (i < span.Length)
        {
            if (IsAllowed(span, i, out var width)) builder.Append(span.Slice(i, width));
            else builder.Append('\uFFFD');
            i += width;
        }
        return builder.ToString();
    }

    // Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    private static bool IsAllowed(ReadOnlySpan<char> text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }
        return c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
    }
}
