using System.Globalization;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Warehouse.Csv;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Imports;

/// <summary>The import preview's messages in the page's language: where (file, line, column) and what.</summary>
public static class ImportTexts
{
    /// <summary>"loans.csv, rad 3, kolumn 2: …" — a problem of a file, located in the user's words.</summary>
    public static string Located(InputError error, Texts t)
    {
        var l = error.Location;
        var where = l.Line > 0
            ? string.Format(CultureInfo.InvariantCulture, t.English ? "{0}, line {1}" : "{0}, rad {1}", l.File, l.Line) +
              (l.Column > 0 ? string.Format(CultureInfo.InvariantCulture, t.English ? ", column {0}" : ", kolumn {0}", l.Column) : "")
            : l.File;
        if (l.Field is not null) where += $" ({l.Field})";
        // What the reader and the preview refuse comes from the message catalogue, in the page's language.
        return $"{where}: {error.MessageIn(t.Lang)}";
    }

    public static string Mapping(string file, string column, MappingProblem problem, Texts t) => (problem, t.English) switch
    {
        (MappingProblem.Missing, true) => $"{file}: no column of the file is read as '{column}'; choose one",
        (MappingProblem.Missing, false) => $"{file}: ingen kolumn i filen läses som '{column}'; välj en",
        (MappingProblem.Twice, true) => $"{file}: two columns of the file are read as '{column}'; choose one",
        (MappingProblem.Twice, false) => $"{file}: två kolumner i filen läses som '{column}'; välj en",
        (_, true) => $"{file}: the dataset has no column '{column}'",
        (_, false) => $"{file}: datamängden har ingen kolumn '{column}'",
    };

    /// <summary>The format as the page names it: "Windows-1252, semikolon", "Excel (.xlsx)".</summary>
    public static string Format(CsvFormat? format, Texts t) => format?.Describe(t.Lang) ?? "";
}
