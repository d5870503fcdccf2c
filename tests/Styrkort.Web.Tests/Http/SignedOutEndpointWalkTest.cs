using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Every endpoint the application maps, as the routing table has it (EndpointDataSource) — not a list that a new page
/// could be left out of: signed out, each answers 401 (API, OpenAPI) or a redirect to the login page, for every method
/// it takes. Only the pages a sign-in needs, the health check, the assets and the error page are open.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SignedOutEndpointWalkTest(DemoSite site)
{
    /// <summary>The routes open to all, and why.</summary>
    private static readonly Dictionary<string, string> Open = new(StringComparer.Ordinal)
    {
        ["/login"] = "signing in",
        ["/login/external"] = "signing in with the organisation's account",
        ["/login/external/callback"] = "the identity provider's answer",
        ["/health"] = "the load balancer's check",
        ["/assets/{name}"] = "styles, scripts and the icon of the login page",
        ["/error/{code:int}"] = "the error page the status code pages show (only the edge's own messages)",
    };

    [Fact]
    public async Task SignedOut_EveryEndpointButTheOpenOnes_AnswersUnauthorizedOrTheLoginPage()
    {
        var endpoints = site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = endpoints.Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        // The walk reaches what last session added, and the open list names only routes that exist.
        Assert.Contains("/goals/{id}/rows", routes);
        Assert.Contains("/imports/preview/{token}", routes);
        Assert.Contains("/alerts", routes);
        Assert.Contains("/api/checkins/versions", routes);
        Assert.All(Open.Keys, r => Assert.Contains(r, routes));

        var failures = new List<string>();
        var walked = 0;
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var open = Open.ContainsKey(route);
            if (open != (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
                failures.Add($"{route}: {(open ? "listed as open but not anonymous" : "anonymous but not listed as open")}");
            if (open) continue;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(endpoint.RoutePattern));
                if (method is "POST" or "PUT") request.Content = DemoSite.Form(("x", "y"));
                using var response = await site.NewClient().SendAsync(request);
                walked++;
                var api = route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/openapi/", StringComparison.Ordinal);
                var location = response.Headers.Location is { } l ? new Uri(site.Server.BaseAddress, l) : null;
                var ok = api
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Found && location?.AbsolutePath == "/login" && location.Query.Contains("ReturnUrl=", StringComparison.Ordinal);
                if (!ok) failures.Add($"{method} {request.RequestUri}: {(int)response.StatusCode} {location}");
            }
        }
        Assert.Empty(failures);
        Assert.True(walked > 40, $"only {walked} requests walked");
    }

    [Fact]
    public async Task SignedIn_EveryPageFormPostWithoutAnAntiforgeryToken_IsRefused()
    {
        // Pages are the Razor pages of the routing table (the API has its own check, in AuthorizationMatrixTest). An admin
        // may post to every one of them, so only the missing token can refuse it.
        var admin = await site.As("admin");
        var pages = site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                        || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor)
            .Where(e => e.RoutePattern.RawText != "error/{code:int}")
            .ToList();
        Assert.Contains(pages, e => e.RoutePattern.RawText == "alerts");
        var failures = new List<string>();
        foreach (var page in pages)
            foreach (var handler in new[] { "", "?handler=Delete", "?handler=Discard", "?handler=Preview" })
            {
                var path = Concrete(page.RoutePattern) + handler;
                using var response = await admin.PostAsync(path, DemoSite.Form(("id", "1"), ("unit", "skane"), ("period", site.Period), ("analysis", "x")));
                if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"POST {path}: {(int)response.StatusCode}");
            }
        Assert.Empty(failures);
    }

    /// <summary>A path that matches the route: each parameter given a plausible value.</summary>
    private static string Concrete(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "token" } => new string('0', 32),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "documentName" } => "v1",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "nps",
            _ => "",
        })))).TrimEnd('/');
}
