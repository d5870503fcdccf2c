using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>Personal API tokens for scripts: <c>Authorization: Bearer stk_…</c>; the user's roles apply.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDb db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "stk_";
    /// <summary>The lifetimes the token page offers, in days; the first-listed default is <see cref="DefaultDays"/>.</summary>
    public static readonly int[] LifetimeDays = [30, 90, 365];
    public const int DefaultDays = 90;
    // Reads must not write on every request: the last use is kept to the minute.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// A request that names a token is judged by the token alone: the session cookie is not looked at, so such a request
    /// cannot be forged by another site (which is why it needs no anti-forgery token).
    /// </summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsBearer(Request)) return AuthenticateResult.NoResult();
        var hash = Hash(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null) return Refuse("unknown API token", null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ExpiresAtUtc <= now) return Refuse("the API token has expired", token);
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null) return Refuse("the token's user no longer exists", token);
        if (!await Accounts.IsUsableAsync(users, user)) return Refuse("the token's account is disabled or locked out", token);
        if (token.LastUsedAtUtc is not { } last || now - last >= LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities), SchemeName));
    }

    private AuthenticateResult Refuse(string why, ApiToken? token)
    {
        // The token itself is never logged; its id and name say which one it was.
        Logger.LogWarning("API token refused: {Reason} (token {TokenId} '{TokenName}', from {RemoteIp})",
            why, token?.Id, token?.Name, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Fail(why);
    }
}
