using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Styrkort.Web.Auth;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>What the log says about requests and sign-ins, and what it never says: passwords, tokens, cookies.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class LoggingTest(DemoSite site)
{
    [Fact]
    public async Task Log_OfASignInAndATokenCall_HoldsNoSecret()
    {
        var log = new CapturedLog();
        var folder = Directory.CreateTempSubdirectory("styrkort-web-logging-").FullName;
        // Every category at every level: what an operator who turns logging up would see.
        var app = await DemoSite.StartAsync(folder, loginAttemptsPerMinute: 1000, demo: false, b =>
        {
            b.Logging.AddProvider(log);
            b.Logging.AddFilter<CapturedLog>(null, LogLevel.Trace);
            b.Services.AddSingleton<IStartupFilter, FailingPath>();
        });
        try
        {
            const string password = "a-secret-password-4711";
            await app.UseAppStoreAsync(async (_, users) => await Accounts.CreateAsync(users, "logger", "Logger", password, Roles.Controller, "") ?? "");
            var wrong = site.NewClient(app);
            var loginToken = Html.AntiforgeryToken(await wrong.GetStringAsync("/login"));
            await wrong.PostAsync("/login", DemoSite.Form(("userName", "logger"), ("password", password + "-wrong"), (Html.TokenField, loginToken)));
            var browser = await site.SignInAsync("logger", password, app);
            var cookies = site.CookieHeaderOf(browser);
            var page = await (await browser.PostFormAsync("/account/tokens", ("name", "logging"))).Content.ReadAsStringAsync();
            var token = Html.TextOfId(page, "code", "new-token")!.Trim();
            using var script = new HttpClient(app.GetTestServerHandler()) { BaseAddress = new Uri("http://localhost/") };
            script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/goals?secret=query-value-0815")).StatusCode);
            using var unknown = new HttpClient(app.GetTestServerHandler()) { BaseAddress = new Uri("http://localhost/") };
            unknown.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "stk_guessed0123456789");
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/goals")).StatusCode);

            var failed = await browser.GetAsync(FailingPath.Path);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.DoesNotContain(FailingPath.Message, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var text = log.Text();
            foreach (var secret in new[] { password, token, token[ApiTokenHandler.Prefix.Length..], "stk_guessed0123456789", "Bearer " })
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            // The framework's own request line (off unless turned up) has the query string; ours names the parameters only.
            Assert.DoesNotContain(log.Lines, l => l.Category.EndsWith("RequestLogging", StringComparison.Ordinal) && (l.Message + l.Rest).Contains("query-value-0815", StringComparison.Ordinal));
            foreach (var cookie in cookies.Split("; ").Select(c => c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..]).Where(v => v.Length > 20))
                Assert.DoesNotContain(cookie, text, StringComparison.Ordinal);

            // What it does say.
            Assert.Contains(log.Lines, l => l.Category.EndsWith("LoginModel", StringComparison.Ordinal) && l.Level == LogLevel.Warning && l.Message.Contains("logger", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Category.EndsWith("LoginModel", StringComparison.Ordinal) && l.Level == LogLevel.Information && l.Message.Contains("Signed in: logger", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("API token refused: unknown API token", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Category.EndsWith("RequestLogging", StringComparison.Ordinal) && l.Level == LogLevel.Information
                && l.Message.StartsWith("GET /api/goals?secret=… → 200 in ", StringComparison.Ordinal) && l.Message.EndsWith(" by logger", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Message.StartsWith("POST /login → 302 in ", StringComparison.Ordinal));
            // The error page's handler logs the exception once, at Error, with its stack; the page shows none of it.
            Assert.Single(log.Lines, l => l.Level == LogLevel.Error && l.Rest.Contains(FailingPath.Message, StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Message.StartsWith($"GET {FailingPath.Path} → 500 in ", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A path that throws behind the whole pipeline, as a bug in a page would.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public const string Path = "/failing-on-purpose";
        public const string Message = "a bug on purpose";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate _) =>
                http.Request.Path == Path ? throw new InvalidOperationException(Message) : Task.CompletedTask);
        };
    }

    private sealed record Line(string Category, LogLevel Level, string Message, string Rest);

    /// <summary>Every line, with its structured values and exception, as text.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<Line> _lines = new();
        public IReadOnlyCollection<Line> Lines => _lines;
        public string Text() => string.Join("\n", _lines.Select(l => $"{l.Category} {l.Level} {l.Message} {l.Rest}"));
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue(new Line(category, logLevel, formatter(state, exception), values + " " + exception));
            }
        }
    }
}
