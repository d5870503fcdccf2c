using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Auth;

/// <summary>
/// Identity's sign-in with Styrkort's account rules: a disabled account cannot sign in, and a session of a disabled or
/// locked-out account ends at its next request (the cookie is checked against the app store on every request).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> principals,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, principals, options, logger, schemes, confirmation)
{
    // Checked before the password: a disabled account gets the same answer as a wrong password.
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await Accounts.IsUsableAsync(UserManager, user) ? user : null;
    }
}
