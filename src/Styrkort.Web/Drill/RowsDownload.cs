using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Styrkort.Core.Planning;
using Styrkort.Web.Hosting;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Drill;

/// <summary>
/// GET /goals/{id}/rows?unit=&amp;period=&amp;dataset=&amp;format=csv|xlsx: every row of one dataset behind a goal's number,
/// for whoever may read the goal page. Counted first and refused past <see cref="WebLimits.MaxDownloadRows"/>; then
/// streamed from the warehouse into a temporary file (a query that fails halfway never leaves a truncated download
/// behind a 200) and from there to the client. At most <see cref="WebLimits.MaxConcurrentRowDownloads"/> write at once.
/// </summary>
public static class RowsDownload
{
    public static async Task<IResult> HandleAsync(HttpContext http, SiteState site, WebLimits limits, RowDownloadGate gate, string id,
        string? unit, string? period, string? dataset, string? format)
    {
        var t = Texts.For(http);
        var snapshot = site.Current;
        var goal = snapshot.Goals.Goals.FirstOrDefault(g => g.Id == id);
        if (goal is null) return await Refuse(http, 404, null);
        if (!snapshot.HasData) return await Refuse(http, 404, t["nodata"]);
        var parsed = site.TryPeriod(period, out var p, out var sane);
        if (period is not null && !parsed) return await Refuse(http, 400, string.Format(CultureInfo.InvariantCulture, t["period_bad"], period));
        if (!sane) return await Refuse(http, 400, string.Format(CultureInfo.InvariantCulture, t["period_range"], period, site.SaneYears.First, site.SaneYears.Last));
        if (!parsed) p = site.DefaultQuarter;
        var kind = (format ?? "csv").ToLowerInvariant();
        if (kind is not ("csv" or "xlsx")) return await Refuse(http, 400, string.Format(CultureInfo.InvariantCulture, t["rows_bad_format"], format));
        unit ??= snapshot.Units[0].Id;
        if (!snapshot.UnitIds.Contains(unit)) return await Refuse(http, 400, string.Format(CultureInfo.InvariantCulture, t["unit_unknown"], unit));
        var traced = MetricRows.Trace(snapshot.Goals, goal.Metric, unit, p).For(dataset ?? "");
        if (traced is null) return await Refuse(http, 404, string.Format(CultureInfo.InvariantCulture, t["rows_unknown_dataset"], dataset));

        using var slot = gate.TryEnter();
        if (slot is null) return await Refuse(http, StatusCodes.Status429TooManyRequests, string.Format(CultureInfo.InvariantCulture, t["rows_busy"], gate.Limit));
        var folder = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"styrkort-rows-{Guid.NewGuid():N}.{kind}");
        long count;
        try
        {
            count = site.Read(w =>
            {
                var n = Convert.ToInt64(w.Rows(traced.Count())[0][0], CultureInfo.InvariantCulture);
                if (n > limits.MaxDownloadRows) return n;
                // Read and write: the workbook package reads back what it has written.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                var rows = Until(w.Stream(traced.First(limits.MaxDownloadRows)), http.RequestAborted);
                if (kind == "csv") RowsCsv.Write(file, traced.Dataset.Columns, rows);
                else RowsXlsx.Write(file, traced.Dataset.Name, traced.Dataset.Columns, rows);
                return n;
            });
        }
        catch (DbException e)
        {
            File.Delete(path);
            return await Refuse(http, 422, string.Format(CultureInfo.InvariantCulture, t["rows_failed"], e.Message.Split('\n')[0]));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        if (count > limits.MaxDownloadRows)
            return await Refuse(http, 422, string.Format(CultureInfo.InvariantCulture, t["rows_too_many"],
                count.ToString("N0", Core.Formatting.SwedishFormat.Numbers), limits.MaxDownloadRows.ToString("N0", Core.Formatting.SwedishFormat.Numbers)));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        // Unit ids come from imported data: only letters, digits, '-' and '_' reach the header.
        var name = $"{Exports.ExportEndpoints.Safe(goal.Id)}-{Exports.ExportEndpoints.Safe(unit)}-{p}-{Exports.ExportEndpoints.Safe(traced.Dataset.Name)}.{kind}";
        return Results.File(stream, kind == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    // A client that gave up stops the writing at its next row, and its slot is free again.
    private static IEnumerable<object?[]> Until(IEnumerable<object?[]> rows, CancellationToken cancellation)
    {
        foreach (var row in rows)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static async Task<IResult> Refuse(HttpContext http, int status, string? message)
    {
        if (message is null) http.Response.StatusCode = status;
        else await ErrorResponses.RefuseAsync(http, status, message);
        return Results.Empty;
    }
}
