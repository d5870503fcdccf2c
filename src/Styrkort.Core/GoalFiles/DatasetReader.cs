using YamlDotNet.RepresentationModel;

namespace Styrkort.Core.GoalFiles;

internal static class DatasetReader
{
    private static readonly Dictionary<string, ColumnType> TypeNames = new(StringComparer.Ordinal)
    {
        ["text"] = ColumnType.Text, ["code"] = ColumnType.Code, ["integer"] = ColumnType.Integer,
        ["decimal"] = ColumnType.Decimal, ["number"] = ColumnType.Number, ["boolean"] = ColumnType.Boolean,
        ["date"] = ColumnType.Date, ["month"] = ColumnType.Month, ["year"] = ColumnType.Year,
    };

    public static Dataset Read(YamlSource y, string name, YamlNode keyNode, YamlNode node)
    {
        var what = $"dataset '{name}'";
        var map = y.Map(node, what, "file", "description", "key", "unit", "time", "cadence", "columns");
        var columns = new List<Column>();
        foreach (var (column, columnKey, spec) in y.Entries(y.Required(map, "columns", what), $"the columns of {what}"))
            columns.Add(ReadColumn(y, column, columnKey, spec));
        var key = YamlSource.Get(map, "key") is { } k ? y.List(k, "key columns").Select(y.Str).ToList() : [];
        var dataset = new Dataset(name, DataFile(y, map) ?? name + ".csv", columns, key, y.OptStr(map, "unit"),
            y.OptStr(map, "time"), y.OptStr(map, "description"), y.Loc(keyNode)) { Cadence = ReadCadence(y, map, what) };
        foreach (var (role, column) in key.Select(c => ("key", (string?)c)).Append(("unit", dataset.UnitColumn)).Append(("time", dataset.TimeColumn)))
            if (column is not null && dataset.Find(column) is null)
                throw y.Error(map, $"{what}: {role} column '{column}' is not among its columns ({string.Join(", ", columns.Select(c => c.Name))})");
        if (dataset.TimeColumn is { } time && dataset.Find(time)!.Type is not (ColumnType.Date or ColumnType.Month or ColumnType.Year))
            throw y.Error(map, $"{what}: time column '{time}' must be of type date, month or year");
        return dataset;
    }

    /// <summary>How often the dataset is expected to be imported (<c>cadence: weekly|monthly|quarterly</c>); null: no expectation.</summary>
    private static string? ReadCadence(YamlSource y, YamlMappingNode map, string what)
    {
        if (YamlSource.Get(map, "cadence") is not { } node) return null;
        var cadence = y.Str(node);
        return Dataset.Cadences.Contains(cadence)
            ? cadence
            : throw y.Error(node, $"{what}: cadence '{cadence}' is not one of {string.Join(", ", Dataset.Cadences)}");
    }

    /// <summary>
    /// The dataset's file, a relative path inside the data folder, normalised (<c>./loans.csv</c> is <c>loans.csv</c>), so
    /// that every part of the program that names the file names it the same way.
    /// </summary>
    private static string? DataFile(YamlSource y, YamlMappingNode map)
    {
        if (YamlSource.Get(map, "file") is not { } node) return null;
        var file = y.Str(node);
        return Paths.ContainedPath.TryNormalise(file, out var normalised, out var problem)
            ? normalised
            : throw y.Error(node, $"'{Paths.ContainedPath.Printable(file)}' cannot be a dataset's file: {problem}");
    }

    private static Column ReadColumn(YamlSource y, string name, YamlNode keyNode, YamlNode spec)
    {
        if (!GoalFileReader.NamePattern().IsMatch(name))
            throw y.Error(keyNode, $"'{name}' is not a valid column name; use letters, digits and _");
        if (spec is YamlScalarNode)
            return new Column(name, ParseType(y, spec), false, [], null, null, null, null, y.Loc(keyNode));
        var map = y.Map(spec, $"column '{name}'", "type", "nullable", "values", "pattern", "min", "max", "references");
        var type = ParseType(y, y.Required(map, "type", $"column '{name}'"));
        var codes = YamlSource.Get(map, "values") is { } v ? y.List(v, "codes").Select(y.Str).ToList() : [];
        if (type == ColumnType.Code && codes.Count == 0) throw y.Error(map, $"column '{name}' of type code needs 'values', the allowed codes in order");
        if (type != ColumnType.Code && codes.Count > 0) throw y.Error(map, $"column '{name}': 'values' is only for type code");
        var pattern = y.OptStr(map, "pattern");
        if (pattern is not null)
        {
            try { _ = new System.Text.RegularExpressions.Regex(pattern); }
            catch (ArgumentException e) { throw y.Error(YamlSource.Get(map, "pattern")!, "not a valid regular expression: " + e.Message); }
            // The import checks the pattern in DuckDB, whose RE2 knows less than .NET (no look-around, no back-references).
            if (Re2.Problem(pattern) is { } problem)
                throw y.Error(YamlSource.Get(map, "pattern")!, "not a regular expression the warehouse can use: " + problem);
        }
        return new Column(name, type,
            YamlSource.Get(map, "nullable") is { } n && y.Bool(n), codes, pattern,
            YamlSource.Get(map, "min") is { } min ? y.Number(min) : null,
            YamlSource.Get(map, "max") is { } max ? y.Number(max) : null,
            y.OptStr(map, "references"), y.Loc(keyNode));
    }

    private static ColumnType ParseType(YamlSource y, YamlNode node) =>
        TypeNames.TryGetValue(y.Str(node), out var t)
            ? t
            : throw y.Error(node, $"unknown column type '{y.Str(node)}'; expected one of: {string.Join(", ", TypeNames.Keys)}");
}
