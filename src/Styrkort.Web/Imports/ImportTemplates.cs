using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Styrkort.Core.GoalFiles;
using Styrkort.Reports.Xlsx;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Imports;

/// <summary>
/// A file to fill in per dataset, named as the import expects (loans.csv, loans.xlsx): <c>/imports/template?dataset=X&amp;format=csv|xlsx</c>.
/// The CSV has the header row only (UTF-8 with a byte-order mark, so that Excel shows å, ä and ö); the workbook has
/// the header row on its first sheet (the one the import reads) and each column's type, whether it may be empty,
/// its allowed values and bounds on a second sheet.
/// </summary>
public static class ImportTemplates
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/imports/template", Template).RequireAuthorization(Policies.Control);

    private static IResult Template(HttpContext http, SiteState site, string? dataset, string? format)
    {
        var t = Texts.For(http);
        var d = site.Goals.Datasets.Values.FirstOrDefault(x => x.Name.Equals(dataset, StringComparison.OrdinalIgnoreCase));
        // Refusals are the error page in the reader's language, as for every other page request.
        if (d is null) return ErrorResponses.Refuse(http, StatusCodes.Status404NotFound, t.English ? $"no dataset is called '{dataset}'" : $"ingen datamängd heter '{dataset}'");
        var stem = Path.GetFileNameWithoutExtension(d.File);
        switch (format ?? "csv")
        {
            case "csv":
                var csv = string.Join(',', d.Columns.Select(c => Quote(c.Name))) + "\r\n";
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", stem + ".csv");
            case "xlsx":
                var buffer = new MemoryStream();
                Workbook(d, t).Write(buffer);
                return Results.File(buffer.ToArray(), Exports.ExportEndpoints.ContentType, stem + ".xlsx");
            default:
                return ErrorResponses.Refuse(http, StatusCodes.Status400BadRequest, t.English ? $"'{format}' is not a template format; expected csv or xlsx" : $"'{format}' är inget mallformat; skriv csv eller xlsx");
        }
    }

    private static XlsxWorkbook Workbook(Dataset d, Texts t)
    {
        var book = new XlsxWorkbook();
        book.Sheet(d.Name).TableHeader(d.Columns.Select(c => c.Name).ToArray());
        var columns = book.Sheet(t.English ? "Columns" : "Kolumner").TableHeader(
            t.English ? "Column" : "Kolumn", t.English ? "Type" : "Typ", t.English ? "May be empty" : "Får vara tom",
            t.English ? "Allowed values" : "Tillåtna värden", "Min", "Max", t.English ? "Refers to" : "Hänvisar till");
        foreach (var c in d.Columns)
            columns.Row(c.Name, c.Type.ToString().ToLowerInvariant(), c.Nullable ? (t.English ? "yes" : "ja") : (t.English ? "no" : "nej"),
                c.Codes.Count > 0 ? string.Join(", ", c.Codes) : c.PatternMeaning ?? c.Pattern, c.Min, c.Max, c.References);
        if (d.Description is { } description) columns.Blank().Row(description);
        return book;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
