using Styrkort.Web.AppStore;

namespace Styrkort.Web.Audit;

/// <summary>
/// Adds an entry to the audit trail in the caller's unit of work: the entry is saved by the same SaveChanges as the
/// change it records, so there is never a change without its entry, nor an entry for a change that failed.
/// </summary>
public static class AuditTrail
{
    public static void Record(AppDb db, TimeProvider clock, string actor, string action, string subject, string details = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Subject = subject,
            // Details are words about a change; a runaway value must not make the trail itself a denial of service.
            Details = details.Length > 4000 ? details[..4000] + "…" : details,
        });
}
