using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Styrkort.Web.Alerts;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>
/// Aviseringar: the user's subscriptions (created and deleted here, each change in the audit trail) and the alerts
/// recorded for them, with every try to deliver them. Admins see everyone's.
/// </summary>
public sealed class AlertsModel(AppDb db, UserManager<AppUser> users, SiteState site, TimeProvider clock, IOptions<AlertOptions> options) : PageModel
{
    public const int ShownAlerts = 200;

    public IReadOnlyList<AlertSubscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<AlertRecord> Sent { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public string? NewSecret { get; private set; }
    public string? Problem { get; private set; }
    public string? DefaultEmail { get; private set; }
    public bool MailConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);
    public SiteSnapshot Site => site.Current;

    public async Task OnGetAsync()
    {
        var id = users.GetUserId(User)!;
        DefaultEmail = (await users.GetUserAsync(User))?.Email;
        var subscriptions = db.AlertSubscriptions.AsNoTracking();
        var alerts = db.Alerts.AsNoTracking().Include(a => a.Attempts);
        if (!IsAdmin)
        {
            subscriptions = subscriptions.Where(s => s.UserId == id);
            alerts = alerts.Where(a => a.UserId == id).Include(a => a.Attempts);
        }
        Subscriptions = await subscriptions.OrderBy(s => s.Id).ToListAsync();
        Sent = await alerts.OrderByDescending(a => a.Id).Take(ShownAlerts).ToListAsync();
        var ids = Subscriptions.Select(s => s.UserId).Concat(Sent.Select(a => a.UserId)).Distinct().ToList();
        UserNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id);
    }

    public async Task<IActionResult> OnPostAsync(string? scope, string? goal, string? unit, string[]? kinds, double? forecastBelow,
        string? email, string? emailMode, string? webhook)
    {
        var current = site.Current;
        scope = AlertScopes.Every.Contains(scope) ? scope : AlertScopes.All;
        var chosen = (kinds ?? []).Where(AlertKinds.Every.Contains).Distinct().ToList();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        webhook = string.IsNullOrWhiteSpace(webhook) ? null : webhook.Trim();
        Problem = scope == AlertScopes.Goal && !current.Goals.Goals.Any(g => g.Id == goal) ? "Välj ett mål."
            : scope == AlertScopes.Unit && (unit is null || !current.UnitIds.Contains(unit)) ? "Välj en enhet."
            : chosen.Count == 0 ? "Välj minst en sorts avisering."
            : email is null && webhook is null ? "Ange en e-postadress, en webhook eller båda."
            : email is not null && (email.Length > 254 || !MimeKit.MailboxAddress.TryParse(email, out _) || !email.Contains('@', StringComparison.Ordinal)) ? "E-postadressen går inte att läsa."
            : webhook is not null ? WebhookTarget.Problem(webhook, options.Value.Webhook.AllowPrivateAddresses)
            : chosen.Contains(AlertKinds.Forecast) && forecastBelow is not (> 0 and < 100) ? "Ange en sannolikhet mellan 0 och 100 %."
            : null;
        if (Problem is null && chosen.Contains(AlertKinds.Forecast) && forecastBelow is not (> 0 and < 100)) Problem = "Ange en sannolikhet mellan 0 och 100 %.";
        if (Problem is not null)
        {
            await OnGetAsync();
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }
        var subscription = new AlertSubscription
        {
            UserId = users.GetUserId(User)!,
            Scope = scope!,
            GoalId = scope == AlertScopes.Goal ? goal : null,
            UnitId = scope == AlertScopes.Unit ? unit : null,
            Kinds = string.Join(';', chosen),
            ForecastBelow = chosen.Contains(AlertKinds.Forecast) ? forecastBelow / 100 : null,
            Email = email,
            EmailMode = emailMode == EmailModes.Digest ? EmailModes.Digest : EmailModes.Immediate,
            WebhookUrl = webhook,
            WebhookSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        AuditTrail.Record(db, clock, User.Identity!.Name!, AuditActions.AlertSubscribe, $"subscription {subscription.Id}", Describe(subscription));
        await db.SaveChangesAsync();
        if (webhook is not null) NewSecret = subscription.WebhookSecret;
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var userId = users.GetUserId(User);
        var subscription = await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.Id == id && (s.UserId == userId || IsAdmin));
        if (subscription is null) return NotFound();
        db.AlertSubscriptions.Remove(subscription);
        AuditTrail.Record(db, clock, User.Identity!.Name!, AuditActions.AlertUnsubscribe, $"subscription {subscription.Id}", Describe(subscription));
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    /// <summary>
    /// A subscription in words, for the audit trail (never its secret). Of a webhook only its origin: the rest of the
    /// URL is often a credential of its own (a Slack or Teams incoming webhook), and controllers read the trail.
    /// </summary>
    public static string Describe(AlertSubscription s) =>
        $"scope {s.Scope}{(s.GoalId is null ? "" : " " + s.GoalId)}{(s.UnitId is null ? "" : " " + s.UnitId)}; kinds {s.Kinds.Replace(';', ',')}"
        + (s.ForecastBelow is { } f ? $" (below {f:P0})" : "")
        + (s.Email is null ? "" : $"; e-mail {s.Email} ({s.EmailMode})") + (s.WebhookUrl is null ? "" : $"; webhook {Origin(s.WebhookUrl)}");

    private static string Origin(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/…" : "(a webhook)";

    public string ScopeText(AlertSubscription s) => s.Scope switch
    {
        AlertScopes.Goal => "Målet " + (Site.Goals.Goals.FirstOrDefault(g => g.Id == s.GoalId)?.Name.Swedish ?? s.GoalId),
        AlertScopes.Unit => "Enheten " + (Site.Units.FirstOrDefault(u => u.Id == s.UnitId)?.Name ?? s.UnitId) + " med underenheter",
        _ => "Allt jag får se",
    };

    public static string KindText(string kind) => kind switch
    {
        AlertKinds.NotMet => "Ej uppfyllt",
        AlertKinds.AtRisk => "I riskzonen",
        AlertKinds.Stale => "Data försenad",
        AlertKinds.Anomaly => "Avvikande värde",
        AlertKinds.Forecast => "Prognosens chans under nivå",
        _ => kind,
    };

    public static string StateText(string state) => state switch
    {
        DeliveryStates.Pending => "väntar",
        DeliveryStates.Delivered => "levererad",
        DeliveryStates.Failed => "misslyckades",
        _ => "–",
    };
}
