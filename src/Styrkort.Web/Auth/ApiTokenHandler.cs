using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>Personal API tokens for scripts: <c>Authorization: Bearer stk_…</c>; the user's roles apply.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDb db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "stk_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        var hash = Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("unknown API token");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null) return AuthenticateResult.Fail("the token's user no longer exists");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities), SchemeName));
    }
}
