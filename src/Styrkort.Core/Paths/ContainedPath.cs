using System.Text;

namespace Styrkort.Core.Paths;

/// <summary>
/// Paths that a goal file names (<c>file:</c>, <c>include:</c>) are relative to a folder and must stay inside it:
/// plain segments only, and no symbolic link along the way whose target lies outside. A goal file can be written by a
/// user of the web application, so what it names is untrusted input.
/// </summary>
public static class ContainedPath
{
    private const int MaxLinks = 40;

    private static readonly StringComparison FileNames =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Normalises a relative path of plain segments (letters, digits, <c>_ - .</c>, separated by <c>/</c>): <c>.</c>
    /// segments and doubled separators are dropped. Refused: rooted paths, <c>..</c>, backslashes, control characters,
    /// anything else; <paramref name="problem"/> then says why, without repeating the path.
    /// </summary>
    public static bool TryNormalise(string path, out string normalised, out string problem)
    {
        normalised = "";
        problem = "";
        if (string.IsNullOrWhiteSpace(path)) { problem = "the path is empty"; return false; }
        if (path.Length > 1024) { problem = "the path is longer than 1 024 characters"; return false; }
        if (path[0] == '/' || Path.IsPathRooted(path) || (path.Length > 1 && path[1] == ':'))
        {
            problem = "an absolute path; write it relative to the folder of the goal file";
            return false;
        }
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { problem = "'..' is not allowed; every file lies in the folder of the goal file or below it"; return false; }
            if (segment.All(c => c == '.')) { problem = $"'{segment}' is not a file name"; return false; }
            foreach (var c in segment)
                if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
                {
                    problem = $"the character {Describe(c)} is not allowed in a file path; use letters, digits, _ - . and / between folders";
                    return false;
                }
            segments.Add(segment);
        }
        if (segments.Count == 0) { problem = "the path names no file"; return false; }
        normalised = string.Join('/', segments);
        return true;
    }

    /// <summary>
    /// The real path (every link resolved) of <paramref name="relative"/> inside <paramref name="folder"/>, or null when
    /// it lies outside the folder's own real path. The file need not exist.
    /// </summary>
    public static string? Resolve(string folder, string relative)
    {
        var root = RealPath(Path.GetFullPath(folder));
        var lexical = Path.GetFullPath(Path.Combine(folder, relative));
        if (!IsWithin(Path.GetFullPath(folder), lexical)) return null;
        var real = RealPath(lexical);
        return IsWithin(root, real) ? real : null;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both full paths).</summary>
    public static bool IsWithin(string folder, string path)
    {
        var f = Path.TrimEndingDirectorySeparator(folder);
        var p = Path.TrimEndingDirectorySeparator(path);
        return p.Equals(f, FileNames) ||
               (p.Length > f.Length && p.StartsWith(f, FileNames) && (p[f.Length] == Path.DirectorySeparatorChar || p[f.Length] == Path.AltDirectorySeparatorChar));
    }

    /// <summary>
    /// A full path with every symbolic link along it replaced by its target, resolved as the operating system does
    /// (a link's <c>..</c> is taken from where the link points, not lexically). Parts that do not exist are kept.
    /// </summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var pending = new Stack<string>(Split(fullPath[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null) { current = next; continue; }
            if (++links > MaxLinks) throw new IOException("too many symbolic links");
            if (Path.IsPathRooted(target))
            {
                var targetRoot = Path.GetPathRoot(target)!;
                current = targetRoot;
                target = target[targetRoot.Length..];
            }
            foreach (var p in Split(target).Reverse()) pending.Push(p);
        }
        return current;
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null; // not there, or not readable: nothing to follow
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c)
        ? $"U+{(int)c:X4}"
        : $"'{c}'";

    /// <summary>For messages: a path shortened to its first characters, control characters shown as code points.</summary>
    internal static string Printable(string text, int max = 120)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text) sb.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return text.Length > max ? sb + "…" : sb.ToString();
    }
}
