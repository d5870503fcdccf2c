using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Styrkort.Web.Hosting;

/// <summary>Scripts and styles are embedded in the assembly and served by the application itself: no CDN, works offline.</summary>
internal static class Assets
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            var stream = typeof(Assets).Assembly.GetManifestResourceStream("assets/" + name);
            if (stream is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
            return Results.Stream(stream, type);
        }).AllowAnonymous();
}
