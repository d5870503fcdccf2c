using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Sql;
using Store = Styrkort.Core.Warehouse.IWarehouse;

namespace Styrkort.Accounts.Ratios;

/// <summary>
/// A table of industry figures: the median of each ratio per SNI code and size class, one row each (sni, size_class,
/// revenue_from, revenue_to, ratio, median). It is imported as a dataset like any other, so a bad cell is refused with
/// file, line and column. A company matches the rows of the longest SNI prefix of its own code (62010 → 620 → 62) and
/// of its size class, given or found by its net revenue within [revenue_from, revenue_to).
/// </summary>
public static class IndustryTable
{
    public const string Dataset = "industry_medians";

    /// <summary>The net revenue metric that places a company in a size class.</summary>
    public const string SizeMetric = "nettoomsattning";

    public sealed record Row(string Sni, string SizeClass, decimal? RevenueFrom, decimal? RevenueTo, string Ratio, double Median);

    /// <summary>The name of the table's copy in the data folder: the warehouse reads files only from inside it.</summary>
    public const string FileName = Dataset + ".csv";

    /// <summary>
    /// The library with the industry table as one more dataset; the table is to be copied into the data folder as
    /// <see cref="FileName"/> (<see cref="CopyInto"/>), and errors are made to name the original (<see cref="Renamed"/>).
    /// </summary>
    public static GoalFile AddTo(GoalFile library, string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new StyrkortException(new SourceLocation(path, 0, 0), "industry table not found");
        var at = new SourceLocation(path, 0, 0);
        Column C(string name, ColumnType type, bool nullable = false) => new(name, type, nullable, [], null, null, null, null, at);
        var dataset = new Core.GoalFiles.Dataset(Dataset, FileName,
            [C("sni", ColumnType.Text), C("size_class", ColumnType.Text), C("revenue_from", ColumnType.Decimal, true),
             C("revenue_to", ColumnType.Decimal, true), C("ratio", ColumnType.Text), C("median", ColumnType.Number)],
            ["sni", "size_class", "ratio"], null, null, "Medians of similar companies per SNI code and size class", at);
        var datasets = new Dictionary<string, Core.GoalFiles.Dataset>(library.Datasets, StringComparer.OrdinalIgnoreCase) { [Dataset] = dataset };
        return library with { Datasets = datasets };
    }

    public static void CopyInto(string folder, string path) => File.Copy(Path.GetFullPath(path), Path.Combine(folder, FileName));

    /// <summary>An import error in the table's copy, pointing at the table the user named instead.</summary>
    public static Exception Renamed(Exception error, string folder, string path)
    {
        var copy = Path.Combine(folder, FileName);
        SourceLocation Fix(SourceLocation at) => at.File == copy ? at with { File = Path.GetFullPath(path) } : at;
        return error switch
        {
            InputErrorsException e => new InputErrorsException(e.Errors.Select(x => x with { Location = Fix(x.Location) }).ToList()),
            StyrkortException e => new StyrkortException(Fix(e.Location), e.Reason),
            _ => error,
        };
    }

    public static IReadOnlyList<Row> Load(Store warehouse)
    {
        var columns = new[] { "sni", "size_class", "revenue_from", "revenue_to", "ratio", "median" };
        var select = new SqlSelect(columns.Select(c => new SqlSelectItem(Sql.Col("t", c), c)).ToList(), new SqlTable(Dataset, "t"), []);
        static decimal? Amount(object? v) => v is null ? null : Convert.ToDecimal(v, CultureInfo.InvariantCulture);
        return warehouse.Rows(new SqlQuery([], select)).Select(r => new Row((string)r[0]!, (string)r[1]!, Amount(r[2]), Amount(r[3]), (string)r[4]!,
            Convert.ToDouble(r[5], CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The medians for one fiscal year, or null when no row fits the company's SNI code and size.</summary>
    public static IndustryFigures? Match(IReadOnlyList<Row> table, IndustryRequest request, IReadOnlyDictionary<string, Quantity?> values)
    {
        var sni = Digits(request.Sni);
        decimal? revenue = values.GetValueOrDefault(SizeMetric) is { } q ? q.Exact ?? (decimal)q.AsDouble : null;
        bool Fits(Row r) => request.SizeClass is { } size
            ? r.SizeClass.Equals(size, StringComparison.OrdinalIgnoreCase)
            : (r.RevenueFrom is null && r.RevenueTo is null)
              || (revenue is { } v && (r.RevenueFrom is null || r.RevenueFrom <= v) && (r.RevenueTo is null || v < r.RevenueTo));
        var candidates = table.Where(r => Digits(r.Sni) is { Length: > 0 } prefix && sni.StartsWith(prefix, StringComparison.Ordinal) && Fits(r)).ToList();
        if (candidates.Count == 0) return null;
        var best = candidates.MaxBy(r => Digits(r.Sni).Length)!;
        var rows = candidates.Where(r => r.Sni == best.Sni && r.SizeClass == best.SizeClass);
        return new IndustryFigures(best.Sni, best.SizeClass, rows.ToDictionary(r => r.Ratio, r => r.Median, StringComparer.Ordinal));
    }

    private static string Digits(string code) => new(code.Where(char.IsAsciiDigit).ToArray());
}
