using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Styrkort.Web.Api;

namespace Styrkort.Web.Hosting;

/// <summary>
/// What a client sees when something is wrong: pages get an error page in their language (Pages/Error), the API gets
/// <c>{"error": "…"}</c> (<see cref="ErrorDto"/>, the shape its endpoints already use) with the same status. Bad input
/// that only shows itself as an exception (a form over its limits, a malformed body) is a 4xx; anything else a 500
/// without a trace of the exception in the response.
/// </summary>
public static class ErrorResponses
{
    /// <summary>HttpContext.Items key of a message for the error page, in the user's language or English.</summary>
    public const string MessageKey = "styrkort.error.message";

    public static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        // Status code pages sit outside the exception handler: a handled exception leaves a bare status for them.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteJsonAsync(context.HttpContext, null)));
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleAsync,
            // Bad input is not a server error: only a 5xx is logged by the middleware as an error, with its exception.
            SuppressDiagnosticsCallback = c => Classify(c.Exception, c.HttpContext).Status < 500,
        });
        return app;
    }

    /// <summary>The language of a message: English for the API (scripts read it), the user's own on pages.</summary>
    public static Localization.Texts TextsFor(HttpContext http) => IsApi(http) ? new Localization.Texts(Core.Presentation.Language.En) : Localization.Texts.For(http);

    /// <summary>
    /// Refuses a page request (a page handler or a download) with the error page in the user's language, the message
    /// as its detail: the status code pages render it, as they do for every other refusal.
    /// </summary>
    public static IResult Refuse(HttpContext http, int status, string message)
    {
        http.Items[MessageKey] = message;
        return Results.StatusCode(status);
    }

    /// <summary>As <see cref="Refuse"/>, for a Razor page's handler.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult RefusePage(HttpContext http, int status, string message)
    {
        http.Items[MessageKey] = message;
        return new Microsoft.AspNetCore.Mvc.StatusCodeResult(status);
    }

    /// <summary>Refuses a request with a status and a message: JSON for the API, the error page otherwise.</summary>
    public static Task RefuseAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        if (IsApi(http)) return WriteJsonAsync(http, message);
        http.Items[MessageKey] = message;
        return Task.CompletedTask; // the status code page renders it
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = Classify(error, http);
        if (status < 500)
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Styrkort.Web.Errors")
                .LogInformation("refused {Method} {Path} with {Status}: {Reason}", http.Request.Method, http.Request.Path.Value, status, error?.GetType().Name);
        await RefuseAsync(http, status, message);
    }

    internal static (int Status, string Message) Classify(Exception? error, HttpContext http) => error switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, RequestLimits.TooLarge((http.RequestServices.GetService<WebLimits>() ?? new WebLimits()).RequestBytesFor(http.Request.Path), TextsFor(http))),
        BadHttpRequestException b => (b.StatusCode, TextsFor(http).Format("error_request_unreadable", b.Message)),
        AntiforgeryValidationException => (400, TextsFor(http)["error_form_expired"]),
        InvalidDataException d when d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            (413, TextsFor(http).Format("error_form_large", d.Message)),
        InvalidDataException d => (400, d.Message),
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException v => (400, TextsFor(http).Format("error_form_unreadable", v.Message)),
        JsonException => (400, TextsFor(http)["error_json"]),
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => (400, TextsFor(http)["error_cancelled"]),
        _ => (500, TextsFor(http)["error_server"]),
    };

    private static Task WriteJsonAsync(HttpContext http, string? message)
    {
        var status = http.Response.StatusCode;
        message ??= status switch
        {
            400 => "bad request",
            401 => "sign in or send an API token (Authorization: Bearer …)",
            403 => "you do not have access to this",
            404 => "not found",
            405 => "this method is not allowed here",
            413 => "the request is too large",
            415 => "unsupported content type; send application/json",
            429 => "too many requests; wait a minute and try again",
            _ => status >= 500 ? "something went wrong on the server; the error has been logged" : "the request was refused",
        };
        var options = http.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
        return http.Response.WriteAsJsonAsync(new ErrorDto(message), options);
    }
}
