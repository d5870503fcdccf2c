using System.Text.RegularExpressions;
using Styrkort.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

/// <summary>Reads a goal file (and the libraries it includes) into a <see cref="GoalFile"/>; checks shape, not formulas.</summary>
public static partial class GoalFileReader
{
    private static readonly string[] TopKeys =
        ["organisation", "include", "parameters", "datasets", "units", "functions", "values", "populations", "metrics", "areas", "goals", "target_levels"];

    /// <summary>Where the libraries the program ships (bas-nyckeltal.yaml, sie.yaml) lie: found by bare name in an include.</summary>
    public static string LibraryFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "libraries");

    /// <summary>The goal file, or the first of its errors, which carries them all (<see cref="StyrkortException.Errors"/>).</summary>
    public static GoalFile Read(string path)
    {
        var reading = ReadAll(path);
        if (reading.Errors.Count > 0) throw StyrkortException.Of(reading.Errors);
        return reading.File!;
    }

    /// <summary>
    /// Reads all that can be read: an entry with an error is reported and left out, and the file read on. The goal file
    /// holds what was read (null when it cannot stand: no unit tree), with the names of what was left out, so that
    /// later checks do not report a use of them as a second error.
    /// </summary>
    public static GoalFileReading ReadAll(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new StyrkortException(new SourceLocation(path, 0, 0), "goal file not found");
        var parts = new Parts();
        ReadInto(full, parts, [], 0);
        if (parts.Units is null)
        {
            if (parts.Unreadable.Count == 0 && !parts.Skipped.Contains(UnitsSection))
                parts.Errors.Add(new StyrkortException(new SourceLocation(path, 1, 1), "the goal file needs a 'units' section naming the unit tree's dataset"));
            return new GoalFileReading(null, parts.Errors, parts.Unreadable);
        }
        if (parts.TargetLevels is { Period: { } periodColumn } levels)
        {
            try { CheckPeriodsOnImport(parts, levels.Dataset, periodColumn); }
            catch (StyrkortException e) { parts.Errors.Add(e); }
        }
        var file = new GoalFile(path, parts.Organisation ?? "", parts.Parameters, parts.Datasets, parts.Units, parts.Functions, parts.Values,
            parts.Populations, parts.Metrics, parts.Areas, parts.Goals, parts.TargetLevels) { Skipped = parts.Skipped };
        return new GoalFileReading(GoalFileChecker.Check(file, parts.Errors), parts.Errors, parts.Unreadable);
    }

    /// <summary>The name under which a units section that could not be read is remembered in <see cref="GoalFile.Skipped"/>.</summary>
    private const string UnitsSection = "units:";

    /// <summary>
    /// The period column of target_levels holds text; a pattern (unless the file gives its own) makes the import refuse
    /// what is not a period, naming the file and line, rather than the evaluation later.
    /// </summary>
    private static void CheckPeriodsOnImport(Parts parts, string dataset, string column)
    {
        if (!parts.Datasets.TryGetValue(dataset, out var data) || data.Find(column) is not { } c) return; // the checker names what is missing
        if (c.Type is not (ColumnType.Text or ColumnType.Code))
            throw new StyrkortException(c.Location, $"target_levels: the period column '{c.Name}' holds text (2026-03, 2026-Q2, 2026), not {c.Type.ToString().ToLowerInvariant()}");
        if (c.Pattern is not null) return;
        var columns = data.Columns.Select(x => ReferenceEquals(x, c) ? x with { Pattern = PeriodText, PatternMeaning = "a period: a month (2026-03), a quarter (2026-Q2) or a year (2026)" } : x).ToList();
        parts.Datasets[dataset] = data with { Columns = columns };
    }

    /// <summary>A month (2026-03), a quarter (2026-Q2), an ISO week (2026-W12) or a year (2026).</summary>
    internal const string PeriodText = @"[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-W(0[1-9]|[1-4][0-9]|5[0-3]))?";

    private sealed class Parts
    {
        public string? Organisation;
        public UnitTree? Units;
        public TargetLevelSource? TargetLevels;
        public int Includes;
        public readonly List<StyrkortException> Errors = [];
        public readonly List<SourceLocation> Unreadable = [];
        public readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Parameter> Parameters = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Dataset> Datasets = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Function> Functions = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Formula> Values = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Population> Populations = new(StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, Metric> Metrics = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<GoalArea> Areas = [];
        public readonly List<Goal> Goals = [];
    }

    private static void ReadInto(string path, Parts parts, HashSet<string> seen, int depth)
    {
        var real = Paths.ContainedPath.RealPath(path);
        if (!seen.Add(real)) return;
        var display = Relative(path);
        var size = new FileInfo(real).Length;
        if (size > Limits.GoalFileBytes)
        {
            Unreadable(parts, new StyrkortException(new SourceLocation(display, 0, 0),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is {size} bytes; a goal file holds at most {Limits.GoalFileBytes} (1 MiB)")));
            return;
        }
        var text = File.ReadAllText(real);
        var y = new YamlSource(display, text, parts.Errors);
        YamlMappingNode root;
        try
        {
            root = YamlSource.Load(y.Path, text);
        }
        catch (StyrkortException e)
        {
            // YAML's parser cannot go on past a syntax error: nothing after it in this file can be read.
            Unreadable(parts, e);
            return;
        }
        y.Map(root, "the goal file", TopKeys);

        if (YamlSource.Get(root, "include") is { } include && !y.Try(() =>
            {
                foreach (var item in y.List(include, "files to include"))
                {
                    if (++parts.Includes > Limits.Includes)
                        throw y.Error(item, $"more than {Limits.Includes} included files; a goal file includes at most {Limits.Includes}, all levels together");
                    if (depth + 1 > Limits.IncludeDepth)
                    {
                        y.Report(y.Error(item, $"includes nest more than {Limits.IncludeDepth} deep"));
                        parts.Skipped.Add(Everything);
                        continue;
                    }
                    // What an include that cannot be found would have defined is unknown: no use of a name is then reported.
                    if (!y.Try(() => ReadInto(Include(y, item, System.IO.Path.GetDirectoryName(path)!), parts, seen, depth + 1)))
                        parts.Skipped.Add(Everything);
                }
            }))
            parts.Skipped.Add(Everything);

        if (YamlSource.Get(root, "organisation") is { } organisation) y.Try(() => parts.Organisation = y.Str(organisation));
        Each(y, parts, root, "parameters", (name, keyNode, value) =>
            Add(parts.Parameters, y, keyNode, CheckName(y, keyNode, name), new Parameter(name, y.Number(value), y.Loc(keyNode))));
        Each(y, parts, root, "datasets", (name, keyNode, value) =>
            Add(parts.Datasets, y, keyNode, CheckName(y, keyNode, name), DatasetReader.Read(y, name, keyNode, value)));
        Each(y, parts, root, "functions", (signature, keyNode, value) =>
        {
            var m = SignaturePattern().Match(signature);
            if (!m.Success) throw y.Error(keyNode, $"a function is written as name(parameter, …), found '{signature}'");
            var parameters = m.Groups["p"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var name = m.Groups["n"].Value;
            Add(parts.Functions, y, keyNode, name, new Function(name, parameters, y.Formula(value)));
        });
        Each(y, parts, root, "values", (name, keyNode, value) =>
            Add(parts.Values, y, keyNode, CheckName(y, keyNode, name), y.Formula(value)));
        Each(y, parts, root, "populations", (name, keyNode, value) =>
            Add(parts.Populations, y, keyNode, CheckName(y, keyNode, name), PopulationReader.Read(y, name, keyNode, value)));
        Each(y, parts, root, "metrics", (name, keyNode, value) =>
            Add(parts.Metrics, y, keyNode, CheckName(y, keyNode, name), ReadMetric(y, name, keyNode, value)));
        if (YamlSource.Get(root, "units") is { } units && !y.Try(() => parts.Units = ReadUnits(y, units)))
            parts.Skipped.Add(UnitsSection);
        if (YamlSource.Get(root, "target_levels") is { } levels && !y.Try(() => parts.TargetLevels = ReadTargetLevels(y, levels)))
            parts.Skipped.Add("target_levels:");
        if (YamlSource.Get(root, "areas") is { } areas && !y.Try(() =>
            {
                foreach (var area in y.List(areas, "goal areas"))
                    if (!y.Try(() =>
                        {
                            var map = y.Map(area, "a goal area", "id", "name");
                            parts.Areas.Add(new GoalArea(y.Str(y.Required(map, "id", "a goal area")), GoalReader.Text(y, y.Required(map, "name", "a goal area"))));
                        }))
                        parts.Skipped.Add(Id(area) ?? Everything);
            }))
            parts.Skipped.Add(Everything);
        if (YamlSource.Get(root, "goals") is { } goals && !y.Try(() =>
            {
                foreach (var goal in y.List(goals, "goals"))
                    if (!y.Try(() => parts.Goals.Add(GoalReader.Read(y, goal, parts.Parameters))) && Id(goal) is { } id)
                        parts.Skipped.Add(id);
            }))
            parts.Skipped.Add(Everything);
    }

    /// <summary>In <see cref="GoalFile.Skipped"/>: a whole section could not be read, so any name may be one it defined.</summary>
    internal const string Everything = "*";

    private static void Unreadable(Parts parts, StyrkortException error)
    {
        parts.Errors.Add(error);
        parts.Unreadable.Add(error.Location);
        parts.Skipped.Add(Everything);
    }

    /// <summary>The id of a goal or an area that could not be read, where it has a readable one.</summary>
    private static string? Id(YamlNode node) =>
        node is YamlMappingNode map && YamlSource.Get(map, "id") is YamlScalarNode { Value: { Length: > 0 } id } ? id : null;

    /// <summary>Reads each entry of a named section; one that fails is reported, remembered as skipped, and the next read.</summary>
    private static void Each(YamlSource y, Parts parts, YamlMappingNode root, string section, Action<string, YamlNode, YamlNode> read)
    {
        if (YamlSource.Get(root, section) is not { } node) return;
        if (node is not YamlMappingNode map)
        {
            y.Report(y.Error(node, $"expected a mapping ({section})"));
            parts.Skipped.Add(Everything);
            return;
        }
        foreach (var (key, value) in map.Children)
            if (!y.Try(() => read(y.Str(key), key, value)))
                parts.Skipped.Add(key is YamlScalarNode { Value: { } name } ? name.Split('(')[0].Trim() : Everything);
    }

    /// <summary>
    /// The file an include names: a plain relative path inside the including file's folder (links included), or else,
    /// given by bare name, a library the program ships.
    /// </summary>
    private static string Include(YamlSource y, YamlNode item, string folder)
    {
        var name = y.Str(item);
        if (!Paths.ContainedPath.TryNormalise(name, out var relative, out var problem))
            throw y.Error(item, $"cannot include '{Paths.ContainedPath.Printable(name)}': {problem}");
        var extension = System.IO.Path.GetExtension(relative);
        if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
            throw y.Error(item, $"cannot include '{relative}': only goal files (.yaml, .yml) can be included");
        var target = Paths.ContainedPath.Resolve(folder, relative)
            ?? throw y.Error(item, $"cannot include '{relative}': it leads outside the folder of the including file (through a symbolic link)");
        if (File.Exists(target)) return System.IO.Path.Combine(folder, relative);
        if (!relative.Contains('/', StringComparison.Ordinal) && Paths.ContainedPath.Resolve(LibraryFolder, relative) is { } shipped && File.Exists(shipped))
            return System.IO.Path.Combine(LibraryFolder, relative);
        throw y.Error(item, $"included file '{relative}' not found");
    }

    private static string Relative(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string CheckName(YamlSource y, YamlNode keyNode, string name) =>
        NamePattern().IsMatch(name) ? name : throw y.Error(keyNode, $"'{name}' is not a valid name; use letters, digits and _ and start with a letter");

    private static void Add<T>(Dictionary<string, T> into, YamlSource y, YamlNode keyNode, string name, T value)
    {
        if (!into.TryAdd(name, value)) throw y.Error(keyNode, $"'{name}' is defined twice");
    }

    private static Metric ReadMetric(YamlSource y, string name, YamlNode keyNode, YamlNode value)
    {
        if (value is YamlScalarNode) return new Metric(name, y.Formula(value), null, null, null, y.Loc(keyNode));
        var map = y.Map(value, $"metric '{name}'", "formula", "label", "description", "unit");
        var labels = YamlSource.Get(map, "label") is { } label ? GoalReader.Text(y, label) : null;
        return new Metric(name, y.Formula(y.Required(map, "formula", $"metric '{name}'")), labels?.Swedish,
            y.OptStr(map, "description"), y.OptStr(map, "unit"), y.Loc(keyNode)) { Labels = labels };
    }

    private static UnitTree ReadUnits(YamlSource y, YamlNode node)
    {
        var map = y.Map(node, "units", "dataset", "id", "parent", "name", "regions", "region_separator", "organisations");
        var organisations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (number, keyNode, unit) in y.Entries(YamlSource.Get(map, "organisations"), "units: organisations (organisation number: unit)"))
            if (!organisations.TryAdd(number, y.Str(unit)))
                throw new StyrkortException(y.Loc(keyNode), $"the organisation number '{number}' is mapped twice; it can be one unit only");
        return new UnitTree(y.Str(y.Required(map, "dataset", "units")), y.Str(y.Required(map, "id", "units")),
            y.Str(y.Required(map, "parent", "units")), y.OptStr(map, "name"), y.OptStr(map, "regions"),
            y.OptStr(map, "region_separator") ?? ";", y.Loc(node)) { Organisations = organisations };
    }

    private static TargetLevelSource ReadTargetLevels(YamlSource y, YamlNode node)
    {
        var map = y.Map(node, "target_levels", "dataset", "goal", "unit", "year", "period", "level");
        string Req(string key) => y.Str(y.Required(map, key, "target_levels"));
        // A level for a month or a quarter (a budget) names its period; a yearly one may name just its year.
        var period = y.OptStr(map, "period");
        var year = period is null ? Req("year") : y.OptStr(map, "year");
        return new TargetLevelSource(Req("dataset"), Req("goal"), Req("unit"), year, Req("level"), y.Loc(node)) { Period = period };
    }

    [GeneratedRegex(@"^(?<n>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<p>[^)]*)\)$")]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    internal static partial Regex NamePattern();
}
