using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.Warehouse.DuckDb;

/// <summary>
/// Loads one CSV file into a typed table. A good file takes one statement (<see cref="LoadInOnePass"/>, behind a scan of
/// its bytes); anything found, and the checked path says where and what: DuckDB reads the file as text into a staging
/// table, SQL checks every cell against the declared type, then one statement converts it. Line = row + 2 (the header is line 1).
/// </summary>
internal static partial class DatasetLoader
{
    /// <summary>Which way a file is loaded: the one-pass path with the checked path behind it, or (for tests) one of them alone.</summary>
    internal enum Way { Either, OnePassOnly, CheckedOnly }

    public static long Load(DbConnection db, Dataset dataset, string path, string displayName) => Load(db, dataset, path, displayName, Way.Either)!.Value;

    /// <param name="facts">The file's scan (<see cref="Scan"/>), when it was made beforehand; otherwise it is made here.</param>
    public static long Load(DbConnection db, Dataset dataset, string path, string displayName, CsvFacts? facts) => Load(db, dataset, path, displayName, Way.Either, facts)!.Value;

    /// <summary>Null only with <see cref="Way.OnePassOnly"/>, when that path finds something and would hand over.</summary>
    internal static long? Load(DbConnection db, Dataset dataset, string path, string displayName, Way way, CsvFacts? facts = null)
    {
        var header = CsvHeader.Read(path, displayName);
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) positions[header[i]] = i + 1;
        var missing = dataset.Columns.Where(c => !positions.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new StyrkortException(new SourceLocation(displayName, 1, 0),
                $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; the header has {string.Join(", ", header.Take(20))}" +
                (header.Count > 20 ? $", … ({header.Count} columns)" : ""));

        string Csv(Func<string, string> type) =>
            $"read_csv({Text(path)}, header = true, auto_detect = false, columns = {{{string.Join(", ", header.Select(h => $"{Text(h)}: {Text(type(h))}"))}}}, " +
            $"delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false, max_line_size = {Limits.CsvLineBytes}";
        string Cell(string column) => $"s.{Quote(header[positions[column] - 1])}";
        var loaded = way == Way.CheckedOnly ? null : LoadInOnePass(db, dataset, path, Csv, Cell, positions, displayName, facts);
        return loaded ?? (way == Way.OnePassOnly ? null : LoadChecked(db, dataset, Csv(_ => "VARCHAR") + ")", Cell, positions, displayName));
    }

    /// <summary>
    /// Reads the file's bytes once (<see cref="CsvScan"/>): its hash, and what the one-pass load needs proved. A file
    /// whose header cannot be read is not plain; the load says what is wrong with it.
    /// </summary>
    /// <param name="collect">Columns whose texts the scan keeps (<see cref="CsvFacts.Sets"/>, by field).</param>
    /// <param name="probes">Columns whose every text must be in the given set (<see cref="CsvFacts.Found"/>).</param>
    public static CsvFacts Scan(Dataset dataset, string path, IReadOnlyCollection<string>? collect = null, IReadOnlyDictionary<string, TextSet>? probes = null,
        CancellationToken cancellation = default)
    {
        IReadOnlyList<string> header;
        try
        {
            header = CsvHeader.Read(path, path);
        }
        catch (StyrkortException)
        {
            header = [];
        }
        var columns = header.Select(dataset.Find).ToList();
        return CsvScan.Run(path, new CsvPlan(
            columns.Select(c => c is null ? CsvScan.Form.Any : FormOf(c.Type)).ToList(),
            columns.Select(c => c is not null && !c.Nullable).ToList(),
            dataset.Key.Select(k => columns.FindIndex(c => Named(c, k))).ToList(),
            (collect ?? []).Select(n => columns.FindIndex(c => Named(c, n))).Where(f => f >= 0).ToList(),
            columns.Select(c => c is not null && probes is not null && probes.TryGetValue(c.Name, out var set) ? set : null).ToList()),
            cancellation);
    }

    /// <summary>The field of the header that holds a column, as the scan numbers them (from 0).</summary>
    public static int Field(string path, string column) =>
        CsvHeader.Read(path, path).ToList().FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));

    private static bool Named(Column? c, string name) => c is not null && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The types DuckDB's reader converts itself, each once the scan has proved every cell's form.</summary>
    private static CsvScan.Form FormOf(ColumnType type) => type switch
    {
        ColumnType.Integer => CsvScan.Form.Integer,
        ColumnType.Decimal => CsvScan.Form.Decimal,
        ColumnType.Year => CsvScan.Form.Year,
        ColumnType.Date => CsvScan.Form.Date,
        ColumnType.Boolean => CsvScan.Form.Boolean,
        _ => CsvScan.Form.Any,
    };

    private static string ReaderType(ColumnType type) => type switch
    {
        ColumnType.Integer => "BIGINT",
        ColumnType.Decimal => "DECIMAL(18,4)",
        ColumnType.Year => "INTEGER",
        ColumnType.Date => "DATE",
        ColumnType.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>
    /// The path for a good file. The scan has proved the file plain (well formed, valid UTF-8, every typed cell in its
    /// exact form) and, mostly, its keys distinct; then one statement reads it, DuckDB's reader converting the typed
    /// columns itself, and flags each row that a check on the other columns (or a bound) refuses. A flag, a row DuckDB
    /// could not read, a repeated key, and the file is loaded again by <see cref="LoadChecked"/>, whose per-check
    /// queries say where and what: a flag is a superset of what those refuse, so a file they accept may take both
    /// paths, never neither. Null when it must.
    /// </summary>
    private static long? LoadInOnePass(DbConnection db, Dataset dataset, string path, Func<Func<string, string>, string> csv, Func<string, string> cell,
        Dictionary<string, int> positions, string displayName, CsvFacts? facts)
    {
        // A pattern DuckDB refuses would fail the statement and abort the transaction, before the checked path could
        // name the column; goal files refuse such patterns when read, a hand-built one takes the checked path.
        if (dataset.Columns.Any(c => c.Pattern is not null && Re2.Problem(c.Pattern) is not null)) return null;
        facts ??= Scan(dataset, path);
        if (!facts.Plain) return null;
        var table = Quote(dataset.Name);
        bool ReadTyped(Column c) => FormOf(c.Type) != CsvScan.Form.Any;
        // Text the scan found with nothing to trim is stored as DuckDB reads it (an empty cell is NULL), with no copy.
        bool AsRead(Column c) => ReadTyped(c) || c.Type is ColumnType.Text or ColumnType.Code && !facts.Padded[positions[c.Name] - 1];
        var typed = string.Join(", ", dataset.Columns.Select(c => $"{(AsRead(c) ? cell(c.Name) : FastTyped(c, cell(c.Name)))} AS {Quote(c.Name)}"));
        var flags = dataset.Columns.SelectMany(c => ReadTyped(c) ? Bounds(c, cell(c.Name)) : AsRead(c) ? TextChecks(c, cell(c.Name)) : FastChecks(c, cell(c.Name))).ToList();
        var bad = flags.Count == 0 ? "false" : $"coalesce({string.Join(" OR ", flags.Select(f => $"({f})"))}, false)";
        // The scan has read every cell: DuckDB's check of UTF-8 in the columns a statement leaves unread is not needed.
        // A row DuckDB still cannot read is left out (ignore_errors), never an error that would abort the transaction;
        // the count below then differs from the scan's. No line is stored: a row's line is its row id's place
        // (RowLines), since rewriting a column of every row costs as much again at the commit.
        var reader = csv(h => dataset.Find(h) is { } c && ReadTyped(c) ? ReaderType(c.Type) : "VARCHAR") + ", ignore_errors = true)";
        ReadingCsv(displayName, () => db.Execute(
            $"CREATE OR REPLACE TABLE {table} AS SELECT {typed}, {bad} AS _bad FROM {reader} s"));
        var counts = db.Rows($"SELECT count(*) FILTER (WHERE _bad), count(*) FROM {table}")[0];
        var rows = System.Convert.ToInt64(counts[1], CultureInfo.InvariantCulture);
        var refused = System.Convert.ToInt64(counts[0], CultureInfo.InvariantCulture) > 0 || rows != facts.Records;
        // Keys the scan found distinct as text are distinct to the checked path, which compares the texts. Otherwise:
        // converted keys are equal whenever their texts are, so this finds every repeat the text comparison finds.
        if (!refused && !facts.KeysDistinct && dataset.Key.Count > 0)
            refused = db.Rows($"SELECT 1 FROM {table} GROUP BY {string.Join(", ", dataset.Key.Select(Quote))} HAVING count(*) > 1 LIMIT 1").Count > 0;
        if (refused)
        {
            db.Execute($"DROP TABLE {table}");
            return null;
        }
        db.Execute($"ALTER TABLE {table} DROP COLUMN _bad");
        return rows;
    }

    /// <summary>
    /// The checks of a text or code column whose cells the scan found unpadded and within the length limit, and in a
    /// column that needs one, never empty: what is left are the codes and the pattern.
    /// </summary>
    private static IEnumerable<string> TextChecks(Column c, string v)
    {
        if (c.Type == ColumnType.Code) yield return $"{v} NOT IN ({string.Join(", ", c.Codes.Select(Text))})";
        if (c.Pattern is not null) yield return $"NOT regexp_full_match({v}, {Text(c.Pattern)})";
    }

    /// <summary>
    /// The bounds of a column DuckDB's reader converted, compared exactly: never weaker than the checked path's
    /// comparison of the value as a double, since rounding to a double keeps the order.
    /// </summary>
    private static IEnumerable<string> Bounds(Column c, string v)
    {
        if (c.Min is { } min) yield return $"{v} < {min.ToString(CultureInfo.InvariantCulture)}";
        if (c.Max is { } max) yield return $"{v} > {max.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The checked path: DuckDB reads the file as text into a staging table, SQL checks every cell against the declared
    /// type, column by column, each error located; then one statement converts it.
    /// </summary>
    private static long LoadChecked(DbConnection db, Dataset dataset, string csv, Func<string, string> cell, Dictionary<string, int> positions, string displayName)
    {
        var stage = Quote("stage_" + dataset.Name);
        ReadingCsv(displayName, () => db.Execute($"CREATE OR REPLACE TEMP TABLE {stage} AS SELECT * FROM {csv}"));
        // Rows inside a transaction get row ids from a high offset; they are consecutive in file order.
        var line = $"(s.rowid - {db.Scalar($"SELECT coalesce(min(rowid), 0) FROM {stage}")} + 2)";
        var errors = new List<InputError>();
        foreach (var column in dataset.Columns)
        {
            var v = cell(column.Name);
            // A value shown in a message is cut short: the field-length check says what is wrong with a long one.
            // The first check is the field's length; a value too long is not checked further.
            var cellChecks = CellChecks(column, v).ToList();
            var checks = cellChecks.Select((check, i) =>
                $"SELECT {line} AS line, {i} AS reason, {(check.ShowFound ? $"left({v}, {FoundChars + 1})" : "NULL")} AS found " +
                $"FROM {stage} s WHERE {(i == 0 ? check.Bad : $"coalesce(length({v}), 0) <= {Limits.CsvFieldChars} AND ({check.Bad})")}").ToList();
            if (checks.Count == 0) continue;
            var sql = $"SELECT line, reason, found FROM ({string.Join(" UNION ALL ", checks)}) ORDER BY line LIMIT {InputErrorsException.Limit}";
            List<object?[]> rows;
            try
            {
                rows = db.Rows(sql);
            }
            catch (DuckDBException e) when (column.Pattern is not null && !e.Message.StartsWith("INTERRUPT", StringComparison.OrdinalIgnoreCase))
            {
                // The goal file's pattern is checked when it is read; should DuckDB still refuse it, name the column, not the SQL.
                throw new StyrkortException(column.Location, $"column '{column.Name}': the warehouse cannot check its pattern: {e.Message.Split('\n')[0]}");
            }
            foreach (var row in rows)
            {
                var reason = cellChecks[Convert.ToInt32(row[1], CultureInfo.InvariantCulture)].Reason;
                errors.Add(new InputError(new SourceLocation(displayName, Convert.ToInt32(row[0], CultureInfo.InvariantCulture), positions[column.Name], column.Name),
                    row[2] is null ? reason : new Message("import.found", reason, Shorten((string)row[2]!))));
            }
        }
        if (errors.Count > 0) throw new InputErrorsException(errors.OrderBy(e => e.Location.Line).Take(InputErrorsException.Limit).ToList());

        if (dataset.Key.Count > 0)
        {
            var keys = string.Join(", ", dataset.Key.Select(k => cell(k)));
            var dupes = db.Rows($"SELECT min({line}), max({line}), concat_ws(', ', {keys}) FROM {stage} s GROUP BY {keys} HAVING count(*) > 1 ORDER BY 2 LIMIT {InputErrorsException.Limit}");
            if (dupes.Count > 0)
                throw new InputErrorsException(dupes.Select(d => new InputError(
                    new SourceLocation(displayName, Convert.ToInt32(d[1], CultureInfo.InvariantCulture), positions[dataset.Key[0]], string.Join("+", dataset.Key)),
                    new Message("import.repeated_key", d[2], d[0], string.Join(", ", dataset.Key)))).ToList());
        }

        var typed = string.Join(", ", dataset.Columns.Select(c => $"{ToTyped(c, cell(c.Name), tryCast: false)} AS {Quote(c.Name)}"));
        db.Execute($"CREATE OR REPLACE TABLE {Quote(dataset.Name)} AS SELECT {typed} FROM {stage} s");
        db.Execute($"DROP TABLE {stage}");
        return System.Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {Quote(dataset.Name)}"), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement that reads the CSV file; DuckDB's complaint about the file becomes a located message.</summary>
    private static void ReadingCsv(string displayName, Action read)
    {
        try
        {
            read();
        }
        catch (DuckDBException e)
        {
            var m = CsvLine().Match(e.Message);
            var csvLine = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (e.Message.Contains("Maximum line size", StringComparison.Ordinal))
                throw new StyrkortException(new SourceLocation(displayName, csvLine, 0),
                    string.Create(CultureInfo.InvariantCulture, $"the line is longer than {Limits.CsvLineBytes} bytes; a line of a CSV file has at most that many"));
            // After the line number comes the line itself, then what is wrong with it.
            var lines = e.Message.Split('\n').Skip(m.Success ? 2 : 0).Select(l => l.Trim()).ToList();
            var firstLine = lines.FirstOrDefault(l => l.StartsWith("Expected", StringComparison.Ordinal))
                ?? (m.Success ? lines.FirstOrDefault(l => l.Length > 0 && !l.StartsWith("Possible", StringComparison.Ordinal)) : null)
                ?? e.Message.Split('\n')[0];
            throw new StyrkortException(new SourceLocation(displayName, csvLine, 0), "the CSV cannot be read: " + firstLine.Trim());
        }
    }

    private const int FoundChars = 100;

    private static string Shorten(string found) => found.Length > FoundChars ? found[..FoundChars] + "…" : found;

    /// <summary>The form a typed cell must have (a regular expression), and the catalogue's code for a message naming it.</summary>
    private static (string? Pattern, string Expected) Format(ColumnType type) => type switch
    {
        ColumnType.Integer => ("-?[0-9]+", "import.expected_integer"),
        ColumnType.Decimal => (@"-?[0-9]{1,14}(\.[0-9]{1,4})?", "import.expected_decimal"),
        ColumnType.Number => (@"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", "import.expected_number"),
        ColumnType.Date => ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "import.expected_date"),
        ColumnType.Month => ("[0-9]{4}-[0-9]{2}", "import.expected_month"),
        ColumnType.Year => ("[0-9]{4}", "import.expected_year"),
        ColumnType.Boolean => ("true|false", "import.expected_boolean"),
        _ => (null, ""),
    };

    private static IEnumerable<(string Bad, Message Reason, bool ShowFound)> CellChecks(Column c, string v)
    {
        yield return ($"length({v}) > {Limits.CsvFieldChars}", new Message("import.too_long", Limits.CsvFieldChars), false);
        if (!c.Nullable) yield return ($"{v} IS NULL OR trim({v}) = ''", new Message("import.empty"), true);
        var present = $"{v} IS NOT NULL AND trim({v}) <> ''";
        var (pattern, expected) = Format(c.Type);
        if (pattern is not null)
        {
            var valid = $"regexp_full_match({v}, {Text(pattern)})";
            if (c.Type == ColumnType.Date) valid += $" AND try_cast({v} AS DATE) IS NOT NULL";
            if (c.Type == ColumnType.Month) valid += $" AND try_cast({v} || '-01' AS DATE) IS NOT NULL";
            yield return ($"{present} AND NOT ({valid})", new Message(expected), true);
        }
        if (c.Type == ColumnType.Code)
            yield return ($"{present} AND {v} NOT IN ({string.Join(", ", c.Codes.Select(Text))})", new Message("import.expected_code", string.Join(", ", c.Codes)), true);
        if (c.Pattern is not null)
            yield return ($"{present} AND NOT regexp_full_match({v}, {Text(c.Pattern)})", c.PatternMeaning is { } meaning ? new Message("import.expected_meaning", meaning) : new Message("import.expected_pattern", c.Pattern), true);
        var number = $"try_cast({v} AS DOUBLE)";
        if (c.Min is { } min) yield return ($"{present} AND {number} < {min.ToString(CultureInfo.InvariantCulture)}", new Message("import.below_min", min.ToString(CultureInfo.InvariantCulture)), true);
        if (c.Max is { } max) yield return ($"{present} AND {number} > {max.ToString(CultureInfo.InvariantCulture)}", new Message("import.above_max", max.ToString(CultureInfo.InvariantCulture)), true);
    }

    /// <summary>
    /// The one-pass flags: never weaker than <see cref="CellChecks"/> (each cell it refuses is flagged), and fewer,
    /// since each costs a function call per cell. No check trims the text: a value with spaces around it fails its
    /// form anyway. A form a cast may still refuse (a whole number past 64 bits, 30 February) is flagged when the cast
    /// gives nothing; a cell of a bounded form (a decimal, a date, a month, a year, a boolean) cannot be past the length
    /// limit (a whole number can: leading zeros).
    /// </summary>
    private static IEnumerable<string> FastChecks(Column c, string v)
    {
        var t = FastTyped(c, v);
        var trimmed = c.Type is ColumnType.Text or ColumnType.Code;
        // Bytes, not characters: never fewer, and known without reading the text.
        if (c.Type is ColumnType.Text or ColumnType.Code or ColumnType.Number or ColumnType.Integer) yield return $"strlen({v}) > {Limits.CsvFieldChars}";
        if (!c.Nullable) yield return trimmed ? $"{v} IS NULL OR trim({v}) = ''" : $"{v} IS NULL OR {v} = ''";
        var form = c.Type == ColumnType.Boolean ? $"{v} NOT IN ('true', 'false')"
            : Format(c.Type).Pattern is { } pattern ? $"NOT regexp_full_match({v}, {Text(pattern)})" : null;
        // The forms of a decimal and a year always cast.
        if (c.Type is ColumnType.Integer or ColumnType.Number or ColumnType.Date or ColumnType.Month) form += $" OR {t} IS NULL";
        if (form is not null) yield return $"{v} <> '' AND ({form})";
        if (c.Type == ColumnType.Code) yield return $"{v} <> '' AND {v} NOT IN ({string.Join(", ", c.Codes.Select(Text))})";
        if (c.Pattern is not null) yield return $"{v} <> '' AND NOT regexp_full_match({v}, {Text(c.Pattern)})";
        if (c.Min is { } min) yield return $"try_cast({v} AS DOUBLE) < {min.ToString(CultureInfo.InvariantCulture)}";
        if (c.Max is { } max) yield return $"try_cast({v} AS DOUBLE) > {max.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The converted value as the one-pass statement computes it: where <see cref="FastChecks"/> lets a cell through,
    /// it is empty or has its form (so no spaces), and a plain cast gives what <see cref="ToTyped"/> gives, for less.
    /// </summary>
    private static string FastTyped(Column c, string v) => c.Type switch
    {
        ColumnType.Integer => $"TRY_CAST({v} AS BIGINT)",
        ColumnType.Year => $"TRY_CAST({v} AS INTEGER)",
        ColumnType.Decimal => $"TRY_CAST({v} AS DECIMAL(18,4))",
        ColumnType.Date => $"TRY_CAST({v} AS DATE)",
        ColumnType.Month => $"TRY_CAST({v} || '-01' AS DATE)",
        ColumnType.Boolean => $"CASE {v} WHEN 'true' THEN true WHEN 'false' THEN false END",
        _ => ToTyped(c, v, tryCast: true),
    };

    private static string ToTyped(Column c, string v, bool tryCast)
    {
        var value = $"nullif(trim({v}), '')";
        var cast = tryCast ? "TRY_CAST" : "CAST";
        return c.Type switch
        {
            ColumnType.Integer => $"{cast}({value} AS BIGINT)",
            ColumnType.Year => $"{cast}({value} AS INTEGER)",
            // DECIMAL(18,4) is int64-backed: parsing text into a 38-digit decimal is two orders of magnitude slower.
            // The compiler widens to 38 digits where products could overflow.
            ColumnType.Decimal => $"{cast}({value} AS DECIMAL(18,4))",
            ColumnType.Number => $"{cast}({value} AS DOUBLE)",
            ColumnType.Date => $"{cast}({value} AS DATE)",
            ColumnType.Month => $"{cast}({value} || '-01' AS DATE)",
            ColumnType.Boolean => $"({value} = 'true')",
            _ => value,
        };
    }

    [GeneratedRegex(@"CSV Error on Line: (\d+)")]
    private static partial Regex CsvLine();
}
