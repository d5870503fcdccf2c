using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Pages;

/// <summary>Personal API tokens for scripts; shown once, stored as a hash, each with an expiry.</summary>
public sealed class TokensModel(AppDb db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        var id = users.GetUserId(User);
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task OnPostAsync(string? name, int? days)
    {
        // Only the lifetimes offered; anything else (a hand-made form) gets the default.
        var lifetime = days is { } d && ApiTokenHandler.LifetimeDays.Contains(d) ? d : ApiTokenHandler.DefaultDays;
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = users.GetUserId(User)!,
            Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(lifetime),
        };
        NewToken = ApiTokenHandler.NewToken();
        token.Hash = ApiTokenHandler.Hash(NewToken);
        db.ApiTokens.Add(token);
        AuditTrail.Record(db, clock, User.Identity!.Name!, AuditActions.TokenCreate, $"token '{token.Name}'", $"expires {token.ExpiresAtUtc:yyyy-MM-dd} ({lifetime} days)");
        await db.SaveChangesAsync();
        await OnGetAsync();
    }

    public async Task OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        if (await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId) is { } token)
        {
            db.ApiTokens.Remove(token);
            AuditTrail.Record(db, clock, User.Identity!.Name!, AuditActions.TokenRevoke, $"token '{token.Name}'", $"created {token.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC");
            await db.SaveChangesAsync();
        }
        await OnGetAsync();
    }
}
