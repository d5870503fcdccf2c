namespace Styrkort.Core;

/// <summary>
/// The sizes the engine accepts from a goal file and its data, in one place. Each is far above what a real
/// organisation writes (the Företagspartner goal file is 16 KB; its formulas nest well within the limit) and far below
/// what ties up a server or overflows a stack: past one, the input is refused with a located error before the work
/// starts, and nothing is changed. docs/goal-file.md ("Limits and paths") lists them for users.
/// </summary>
public static class Limits
{
    /// <summary>The size of one goal file or included library, in bytes (1 MiB).</summary>
    public const long GoalFileBytes = 1024 * 1024;

    /// <summary>Included files per goal file, all levels together.</summary>
    public const int Includes = 64;

    /// <summary>How deep includes may include further files (the goal file itself is depth 0).</summary>
    public const int IncludeDepth = 8;

    /// <summary>Nesting of YAML mappings and sequences: YAML's loader recurses once per level.</summary>
    public const int YamlDepth = 64;

    /// <summary>The length of one formula, in characters.</summary>
    public const int FormulaChars = 100_000;

    /// <summary>
    /// Nesting of one formula: parentheses, calls, unary minus, not and chains of operators each count a level. Every
    /// later stage (binder, compiler, SQL renderer) recurses along this depth, so it bounds their stacks too.
    /// </summary>
    public const int FormulaDepth = 100;

    /// <summary>Breakdown dimensions of one goal (and of one evaluate --by): each adds a grouping to every aggregate of the metric.</summary>
    public const int Breakdowns = 8;

    /// <summary>How far a window may reach from the period, in months (100 years), either way.</summary>
    public const int WindowMonths = 1200;

    /// <summary>The years a period may name. Older data is not followed up; later ones are typing errors.</summary>
    public const int FirstYear = 1900, LastYear = 2199;

    /// <summary>
    /// Levels of the unit tree below its roots. The tree's tables are built by a recursion that carries each unit's path:
    /// a chain of 100 000 units would make it quadratic.
    /// </summary>
    public const int UnitDepth = 64;

    /// <summary>Columns in the header of one CSV file.</summary>
    public const int CsvColumns = 1_000;

    /// <summary>The length of the header line of one CSV file, in characters.</summary>
    public const int CsvHeaderChars = 64 * 1024;

    /// <summary>The length of any line of one CSV file, in bytes (DuckDB refuses longer lines as it reads).</summary>
    public const int CsvLineBytes = 1024 * 1024;

    /// <summary>
    /// Errors listed for one goal file (check, evaluate, the web app); past them "… and N more". A file that has more
    /// is most likely not a goal file, or one mistake repeated, and a screenful shows it.
    /// </summary>
    public const int ReportedErrors = 100;

    /// <summary>The length of one field (cell) of a CSV file, in characters.</summary>
    public const int CsvFieldChars = 10_000;
}
