using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Hosting;

/// <summary>Builds the web application: pages, API, app store, sign-in. Program code stays in the CLI's serve command.</summary>
public static class StyrkortWeb
{
    public const string SmartScheme = "cookie-or-token";

    public static WebApplication Build(WebOptions options, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        Directory.CreateDirectory(options.DataDirectory);
        // Large uploads are buffered to disk by ASP.NET Core before the import sees them: keep those buffers in the data
        // folder too (read once per process, so only when the operator has not chosen a folder).
        if (Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is null)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Directory.CreateDirectory(Path.Combine(options.DataDirectory, "tmp")).FullName);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
            builder.WebHost.UseUrls("http://localhost:5080");
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // The framework's own request lines carry query strings; RequestLogging writes one line per request without them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")));
        configure?.Invoke(builder);

        // The edge: one record of limits from Styrkort:Limits; Kestrel takes the largest body any path accepts and
        // RequestLimits lowers it per path.
        var limits = builder.Configuration.GetSection("Styrkort:Limits").Get<WebLimits>() ?? new WebLimits();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.LargestRequestBytes);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = limits.MaxFileBytes;
            f.ValueLengthLimit = limits.MaxGoalFileChars;
        });
        // A URL with a password is better given through configuration (Styrkort__Warehouse) or PGPASSWORD than on a
        // command line that every user of the machine can read.
        var warehouse = Core.Warehouse.Warehouse.Open(options.Warehouse ?? builder.Configuration["Styrkort:Warehouse"]
            ?? Path.Combine(options.DataDirectory, "warehouse.duckdb"));
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System); // a test may have given its own clock
        builder.Services.AddSingleton(sp => new SiteState(warehouse, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddAppStore(options);
        // Writes (imports, goal-file versions, recomputes) run one at a time in the background; pages read snapshots.
        builder.Services.AddSingleton<Jobs.JobQueue>();
        builder.Services.AddHostedService<Jobs.JobRunner>();
        // Alerts: detected after each snapshot and delivered in the background (docs/alerts.md).
        builder.Services.Configure<Alerts.AlertOptions>(builder.Configuration.GetSection("Alerts"));
        builder.Services.AddSingleton<Alerts.AlertWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Alerts.AlertWorker>());
        builder.Services.AddSingleton<Imports.ImportHooks>();
        builder.Services.AddSingleton<Imports.ImportService>();
        builder.Services.AddSingleton<Imports.PendingUploads>();
        builder.Services.AddSingleton<Drill.RowDownloadGate>();
        builder.Services.AddSingleton<GoalFileStore>();
        builder.Services.AddSignIn(builder.Configuration);
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Pages";
            o.Conventions.AllowAnonymousToPage("/Login");
        }).AddApplicationPart(typeof(StyrkortWeb).Assembly);
        builder.Services.AddOpenApi();
        // Swedish text is written as text (å, ä, ö), not as character references; markup is still escaped.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var limit = builder.Configuration.GetValue("Styrkort:LoginAttemptsPerMinute", 10);
            // Sign-in attempts (posts) count; showing the login page does not.
            o.AddPolicy("login", ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("page"));
        });

        var app = builder.Build();
        // One log line per request, outermost, so that it sees the status the error pages finally give.
        app.UseMiddleware<RequestLogging>();
        // The edge, outermost first: headers on every response, HSTS over HTTPS, error pages and JSON errors, limits.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseErrorResponses();
        app.UseRequestLimits(limits);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFormLimits(limits);
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
        Assets.Map(app);
        ExternalLogin.Map(app);
        app.MapRazorPages();
        app.MapGet("/report/download", Pages.ReportModel.DownloadAsync).RequireAuthorization(Policies.Read);
        app.MapGet("/goals/{id}/rows", Drill.RowsDownload.HandleAsync).RequireAuthorization(Policies.Read);
        Exports.ExportEndpoints.Map(app);
        Imports.ImportTemplates.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Read);
        ApiEndpoints.Map(app);
        return app;
    }

    internal static void IdentityRules(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B): ten characters, any kind.
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        // Password sign-in locks an account for a while after ten wrong passwords in a row (lockoutOnFailure on the login page).
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 10;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
    }

    private static void AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<AppUser>(IdentityRules)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDb>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = SmartScheme;
            o.DefaultChallengeScheme = SmartScheme;
        });
        auth.AddPolicyScheme(SmartScheme, "cookie or API token", o => o.ForwardDefaultSelector = ctx =>
            ApiTokenHandler.IsBearer(ctx.Request) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme);
        auth.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        auth.AddIdentityCookies();
        if (configuration["Authentication:OpenIdConnect:Authority"] is not null)
            auth.AddOpenIdConnect(ExternalLogin.Scheme, o =>
            {
                configuration.GetSection("Authentication:OpenIdConnect").Bind(o);
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.ResponseType = "code";
                o.Scope.Add("email");
            });
        // Every request checks the cookie against the account (security stamp, disabled, locked out): a session ends on the
        // server at sign-out, password or role change, or when the account is disabled, not when the cookie expires.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "styrkort";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the site is served over HTTPS; the local demo on http://localhost still works.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || ctx.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)) ctx.Response.StatusCode = 401;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = 403;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.CheckIn, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Controller, Roles.UnitManager))
            .AddPolicy(Policies.Control, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Controller))
            .AddPolicy(Policies.Administer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
