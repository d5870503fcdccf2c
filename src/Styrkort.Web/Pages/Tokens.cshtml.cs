using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>Personal API tokens for scripts; shown once, stored as a hash.</summary>
public sealed class TokensModel(AppDb db, UserManager<AppUser> users, SiteState site) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync()
    {
        var id = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task OnPostAsync(string? name)
    {
        NewToken = ApiTokenHandler.NewToken();
        db.ApiTokens.Add(new ApiToken { UserId = users.GetUserId(User)!, Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim(), Hash = ApiTokenHandler.Hash(NewToken), CreatedAtUtc = site.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        await OnGetAsync();
    }

    public async Task OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        await db.ApiTokens.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync();
        await OnGetAsync();
    }
}
