namespace Styrkort.Web.Presentation;

/// <summary>A line diff (longest common subsequence of lines), for showing what a goal-file version changed.</summary>
public static class LineDiff
{
    public enum Kind { Same, Removed, Added }

    public sealed record Line(Kind Kind, string Text, int? Old, int? New);

    /// <summary>Beyond this many cells the middle part is shown as all removed, then all added, rather than using the memory.</summary>
    private const long MaxCells = 16_000_000;

    public static IReadOnlyList<Line> Compute(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        int start = 0, endA = a.Length, endB = b.Length;
        // The common head and tail cost nothing; only the changed middle needs the table.
        while (start < endA && start < endB && a[start] == b[start]) start++;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var result = new List<Line>();
        for (var i = 0; i < start; i++) result.Add(new Line(Kind.Same, a[i], i + 1, i + 1));
        int n = endA - start, m = endB - start;
        if ((long)n * m > MaxCells)
        {
            for (var i = start; i < endA; i++) result.Add(new Line(Kind.Removed, a[i], i + 1, null));
            for (var j = start; j < endB; j++) result.Add(new Line(Kind.Added, b[j], null, j + 1));
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[start + x] == b[start + y])
                {
                    result.Add(new Line(Kind.Same, a[start + x], start + x + 1, start + y + 1));
                    x++; y++;
                }
                else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y]))
                {
                    result.Add(new Line(Kind.Added, b[start + y], null, start + y + 1));
                    y++;
                }
                else
                {
                    result.Add(new Line(Kind.Removed, a[start + x], start + x + 1, null));
                    x++;
                }
            }
        }
        for (int i = endA, j = endB; i < a.Length; i++, j++) result.Add(new Line(Kind.Same, a[i], i + 1, j + 1));
        return result;
    }

    /// <summary>The changed lines with a few lines of context; null marks a run of unchanged lines left out.</summary>
    public static IReadOnlyList<Line?> WithContext(IReadOnlyList<Line> lines, int context = 3)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind != Kind.Same)
                for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) keep[k] = true;
        var result = new List<Line?>();
        for (var i = 0; i < lines.Count; i++)
            if (keep[i]) result.Add(lines[i]);
            else if (result.Count == 0 || result[^1] is not null) result.Add(null);
        return result;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
