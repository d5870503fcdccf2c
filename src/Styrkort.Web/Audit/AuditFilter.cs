using System.Reflection;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Audit;

/// <summary>Which entries of the trail to show or export: an action, an actor, a text in subject or details, UTC days.</summary>
public sealed record AuditFilter(string? Action, string? Actor, string? Text, DateOnly? From, DateOnly? To)
{
    public const int PageSize = 100;

    /// <summary>Every action the application records, for the filter's list.</summary>
    public static readonly IReadOnlyList<string> Actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Newest first; the text is matched without regard to case.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Action)) entries = entries.Where(e => e.Action == Action);
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            entries = entries.Where(e => e.Actor == actor);
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Subject.ToLower().Contains(text) || e.Details.ToLower().Contains(text));
        }
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.AtUtc >= start);
        }
        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.AtUtc < end);
        }
        return entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    /// <summary>The filter as a query string, for the page links and the export.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("action", Action);
        Add("actor", Actor);
        Add("text", Text);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page is > 1) parts.Add($"pg={page}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
