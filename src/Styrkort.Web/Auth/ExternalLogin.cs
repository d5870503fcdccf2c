using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>
/// OpenID Connect sign-in (e.g. Entra ID), on when Authentication:OpenIdConnect:Authority is configured. The identity
/// provider proves who someone is; the roles stay Styrkort's: the e-mail must belong to an existing account.
/// </summary>
public static class ExternalLogin
{
    public const string Scheme = "oidc";

    public static void Map(IEndpointRouteBuilder app)
    {
        // Without OpenID Connect configured there is nothing to challenge: a 404 that says so, not a server error.
        app.MapGet("/login/external", async (HttpContext http, IAuthenticationSchemeProvider schemes) =>
            await schemes.GetSchemeAsync(Scheme) is null
                ? NotSetUp(http)
                : Results.Challenge(new AuthenticationProperties { RedirectUri = "/login/external/callback" }, [Scheme])).AllowAnonymous();
        app.MapGet("/login/external/callback", async (HttpContext http, IAuthenticationSchemeProvider schemes, UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDb db, TimeProvider clock) =>
        {
            if (await schemes.GetSchemeAsync(Scheme) is null) return NotSetUp(http);
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var user = email is null ? null : await users.FindByEmailAsync(email);
            if (user is null) return Results.Text("No Styrkort account has this e-mail address; ask an administrator.", statusCode: 403);
            // The same rules as the password sign-in: a disabled or locked-out account stays out.
            if (!await signIn.CanSignInAsync(user) || !await Accounts.IsUsableAsync(users, user))
                return Results.Text("This Styrkort account cannot sign in; ask an administrator.", statusCode: 403);
            await signIn.SignInAsync(user, isPersistent: false);
            Audit.AuditTrail.Record(db, clock, user.UserName!, AuditActions.SignIn, user.UserName!, $"from {http.Connection.RemoteIpAddress?.ToString() ?? "unknown"} through OpenID Connect");
            await db.SaveChangesAsync();
            return Results.Redirect("/");
        }).AllowAnonymous();
    }

    // Without OpenID Connect configured there is nothing to sign in with: a 404 page that says so, not a 500.
    private static IResult NotSetUp(HttpContext http)
    {
        http.Items[Hosting.ErrorResponses.MessageKey] = Localization.Texts.For(http)["external_off"];
        return Results.StatusCode(StatusCodes.Status404NotFound);
    }
}
