using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Pages;

/// <summary>The audit trail for admins and controllers: filtered, newest first, a page at a time; or all of it as CSV.</summary>
[Authorize(Policy = Policies.Control)]
public sealed class AuditModel(AppDb db, TimeProvider clock) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null);
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);

    // "page" is Razor Pages' own route value, so the page number is "pg".
    public async Task OnGetAsync(string? action, string? actor, string? text, DateOnly? from, DateOnly? to, int? pg)
    {
        Filter = new AuditFilter(action, actor, text, from, to);
        var query = Filter.Apply(db.AuditEntries.AsNoTracking());
        Total = await query.CountAsync(HttpContext.RequestAborted);
        PageNumber = Math.Clamp(pg ?? 1, 1, Pages);
        Entries = await query.Skip((PageNumber - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnGetExportAsync(string? action, string? actor, string? text, DateOnly? from, DateOnly? to)
    {
        var filter = new AuditFilter(action, actor, text, from, to);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        // Streamed row by row: the trail only grows.
        await using var writer = new StreamWriter(Response.Body, AuditCsv.Utf8WithMark, bufferSize: 16 * 1024, leaveOpen: true);
        await AuditCsv.WriteAsync(writer, filter.Apply(db.AuditEntries.AsNoTracking()).AsAsyncEnumerable(), HttpContext.RequestAborted);
        await writer.FlushAsync(HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
