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
        string? email, string? emailMode, string? webhook, string[]? periods, string? language)
    {
        scope = AlertScopes.Every.Contains(scope) ? scope : AlertScopes.All;
        var chosen = (kinds ?? []).Where(AlertKinds.Every.Contains).Distinct().ToList();
        var followed = (periods ?? []).Where(AlertPeriods.Every.Contains).Distinct().OrderBy(p => Array.IndexOf(AlertPeriods.Every, p)).ToList();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        webhook = string.IsNullOrWhiteSpace(webhook) ? null : webhook.Trim();
        var userId = users.GetUserId(User)!;
        Problem = await ProblemAsync(scope!, goal, unit, chosen, followed, forecastBelow, email, webhook, userId);
        if (Problem is not null)
        {
            await OnGetAsync();
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }
        var subscription = new AlertSubscription
        {
            UserId = userId,
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
            Language = Core.Presentation.Language.TryParse(language, out var chosenLanguage) ? chosenLanguage.Code : Localization.Texts.LanguageOf(HttpContext).Code,
            // Without a choice (a form from before there was one), the quarter, as before.
            Periods = followed.Count == 0 ? AlertPeriods.Quarter : string.Join(';', followed),
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

    /// <summary>Why the subscription cannot be made as asked, in the page's language; null when it can.</summary>
    private async Task<string?> ProblemAsync(string scope, string? goal, string? unit, List<string> kinds, List<string> periods, double? forecastBelow,
        string? email, string? webhook, string userId)
    {
        var current = site.Current;
        var t = T;
        if (scope == AlertScopes.Goal && !current.Goals.Goals.Any(g => g.Id == goal)) return t["al_bad_goal"];
        if (scope == AlertScopes.Unit && (unit is null || !current.UnitIds.Contains(unit))) return t["al_bad_unit"];
        if (kinds.Count == 0) return t["al_bad_kinds"];
        if (email is null && webhook is null) return t["al_bad_channel"];
        // One plain address, nothing else: no display name, no list of addresses to copy others in.
        if (email is not null && (email.Length > 254 || !MimeKit.MailboxAddress.TryParse(email, out var box) || box.Address != email || !email.Contains('@', StringComparison.Ordinal)))
            return t["al_bad_email"];
        if (webhook is not null && WebhookTarget.Problem(webhook, options.Value.Webhook.AllowPrivateAddresses, t) is { } bad) return bad;
        // The form asks for per cent (1–99); 0 and 100 would never, or always, be told.
        if (kinds.Contains(AlertKinds.Forecast) && forecastBelow is not (> 0 and < 100)) return t["al_bad_forecast"];
        var max = options.Value.MaxSubscriptionsPerUser;
        if (await db.AlertSubscriptions.CountAsync(s => s.UserId == userId) >= max)
            return t.Format("al_too_many", max);
        return null;
    }

    /// <summary>A subscription in words, for the audit trail (never its secret; the webhook only up to its host).</summary>
    public static string Describe(AlertSubscription s) =>
        $"scope {s.Scope}{(s.GoalId is null ? "" : " " + s.GoalId)}{(s.UnitId is null ? "" : " " + s.UnitId)}; kinds {s.Kinds.Replace(';', ',')}"
        + (s.ForecastBelow is { } f ? $" (below {f:P0})" : "")
        + $"; periods {s.Periods.Replace(';', ',')}"
        + (s.Email is null ? "" : $"; e-mail {s.Email} ({s.EmailMode}, {s.Language})") + (s.WebhookUrl is null ? "" : $"; webhook {WebhookTarget.Masked(s.WebhookUrl)}");

    /// <summary>The webhook as the page shows it: whole to its owner, up to its host to an admin looking at another's (its path may hold a token).</summary>
    public string WebhookShown(AlertSubscription s) =>
        s.WebhookUrl is null ? "–" : s.UserId == users.GetUserId(User) ? s.WebhookUrl : WebhookTarget.Masked(s.WebhookUrl);

    /// <summary>An alert's message in the page's language.</summary>
    public string MessageOf(AlertRecord alert) => AlertTexts.MessageIn(alert, Localization.Texts.LanguageOf(HttpContext));

    /// <summary>The page's words, in the language of the request.</summary>
    public Localization.Texts T => Localization.Texts.For(HttpContext);

    public string ScopeText(AlertSubscription s) => s.Scope switch
    {
        AlertScopes.Goal => T.Format("al_scope_goal_is", Site.Goals.Goals.FirstOrDefault(g => g.Id == s.GoalId)?.Name.For(T.Lang) ?? s.GoalId),
        AlertScopes.Unit => T.Format("al_scope_unit_is", Site.Units.FirstOrDefault(u => u.Id == s.UnitId)?.Name ?? s.UnitId),
        _ => T["al_scope_all"],
    };

    public string KindText(string kind) => AlertKinds.Every.Contains(kind) ? T["al_kind_" + kind] : kind;

    public string PeriodText(string period) => T[period == AlertPeriods.Month ? "al_period_month" : "al_period_quarter"];

    public string StateText(string state) => state switch
    {
        DeliveryStates.Pending => T["al_pending"],
        DeliveryStates.Delivered => T["al_delivered"],
        DeliveryStates.Failed => T["al_failed"],
        _ => "–",
    };

    /// <summary>How a subscription mails: "x@example.org (dagligt sammandrag, svenska)".</summary>
    public string EmailText(AlertSubscription s) => s.Email is null ? "–"
        : $"{s.Email} ({T[s.EmailMode == EmailModes.Digest ? "al_digest" : "al_immediate"]}, {T[s.Language == "en" ? "al_english" : "al_swedish"]})";

    /// <summary>The digest's hour and its time zone, as the form offers it: "06:00 Europe/Stockholm".</summary>
    public string DigestTime
    {
        get
        {
            var schedule = DigestSchedule.Of(options.Value);
            return $"{schedule.Hour:00}:00 {schedule.Zone.Id}";
        }
    }
}
