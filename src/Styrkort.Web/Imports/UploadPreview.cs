using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Presentation;
using Styrkort.Core.Warehouse.Csv;

namespace Styrkort.Web.Imports;

/// <summary>
/// A kept file as the import will read it: its detected format, header and first rows, the column mapping proposed
/// (each file column to the dataset's column of the same name, case-insensitive; others ignored), and the first
/// problem with the file's structure — a record with another number of fields than the header, a stray quote — found
/// by reading it through once, so that a broken file is refused before anything is queued.
/// </summary>
public sealed record UploadPreview(
    PendingFile File,
    Dataset Dataset,
    CsvFormat Format,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string?> Proposed,
    InputError? Problem)
{
    public static UploadPreview Read(PendingFile file, Dataset dataset, string path, int rows)
    {
        var format = file.CsvFormat;
        var header = new List<string>();
        var first = new List<IReadOnlyList<string>>();
        InputError? problem = null;
        try
        {
            using var reader = CsvSniffer.OpenText(path, format.Encoding);
            var records = new CsvRecordReader(reader, format.SeparatorChar, file.UserFileName);
            header = records.Next()?.Select(f => f.Text.Trim()).ToList() ?? [];
            if (header.Count == 0) problem = new InputError(new SourceLocation(file.UserFileName, 1, 1), new Message("csv.empty"));
            while (problem is null && records.Next() is { } record)
            {
                if (first.Count < rows) first.Add(record.Select(f => f.Text).ToList());
                if (record.Count != header.Count && !(record.Count == 1 && record[0].Text.Length == 0))
                    problem = new InputError(new SourceLocation(file.UserFileName, records.Line, Math.Min(record.Count, header.Count) + 1),
                        new Message("csv.field_count", record.Count, header.Count));
            }
        }
        catch (InputErrorsException e)
        {
            problem = e.Errors[0];
        }
        var proposed = header.Select(h => dataset.Find(h)?.Name).ToList();
        // A dataset column chosen twice by name (differing in case only) keeps its first file column.
        for (var i = 0; i < proposed.Count; i++)
            if (proposed[i] is { } name && proposed.IndexOf(name) != i) proposed[i] = null;
        return new UploadPreview(file, dataset, format, header, first, proposed, problem);
    }

    /// <summary>
    /// The mapping's problems: every dataset column needs exactly one file column; an unknown choice is refused. The
    /// choices are by file column, a dataset column's name or null (ignored).
    /// </summary>
    public IReadOnlyList<(string Column, MappingProblem Problem)> Check(IReadOnlyList<string?> chosen)
    {
        var problems = new List<(string, MappingProblem)>();
        foreach (var c in chosen.OfType<string>().Where(c => Dataset.Find(c) is null).Distinct())
            problems.Add((c, MappingProblem.Unknown));
        foreach (var column in Dataset.Columns)
        {
            var count = chosen.Count(c => c is not null && c.Equals(column.Name, StringComparison.OrdinalIgnoreCase));
            if (count == 0) problems.Add((column.Name, MappingProblem.Missing));
            else if (count > 1) problems.Add((column.Name, MappingProblem.Twice));
        }
        return problems;
    }
}

public enum MappingProblem { Missing, Twice, Unknown }
