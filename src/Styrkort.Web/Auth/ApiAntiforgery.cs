using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Api;

namespace Styrkort.Web.Auth;

/// <summary>
/// Cross-site request forgery on the API: a write carried by the session cookie must also carry the page's anti-forgery
/// token in the <c>RequestVerificationToken</c> header, whatever its body (JSON or form). A write with an API token
/// needs none: the browser never adds a token on its own.
/// </summary>
public static class ApiAntiforgery
{
    public const string Header = "RequestVerificationToken";

    public static RouteGroupBuilder RequireAntiforgeryForCookieWrites(this RouteGroupBuilder group)
    {
        // The framework's own check (for endpoints that bind a form) cannot tell a token from a cookie and would refuse
        // every upload with a token; the filter below replaces it for the whole API, JSON bodies included.
        group.DisableAntiforgery();
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
                || ApiTokenHandler.IsBearer(http.Request))
                return await next(context);
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest(new ErrorDto(
                    $"the anti-forgery token is missing or invalid: a signed-in browser sends it in the {Header} header; a script uses an API token (Authorization: Bearer) instead"));
            return await next(context);
        });
        return group;
    }
}
