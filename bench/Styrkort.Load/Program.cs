using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Styrkort.Samples.Almi;
using Styrkort.Web.Hosting;

// Readers never wait for writers, measured: the web application on the loopback address with the demo data, a number
// of signed-in users reading the overview and a goal page, first alone, then while a large import runs through the
// queue. Stops by itself when the import has finished; prints a Markdown table of latencies.
//
//   dotnet run -c Release --project bench/Styrkort.Load -- --companies 20000 --import-companies 45000 --users 50

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var companies = Option("companies", 20000);
var importCompanies = Option("import-companies", 45000);
var users = Option("users", 50);
var baseline = TimeSpan.FromSeconds(Option("baseline-seconds", 10));

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Styrkort.sln"))) root = root.Parent;
var goals = root is null ? throw new InvalidOperationException("run from inside the repository") : Path.Combine(root.FullName, "samples", "almi", "goals.yaml");
var work = Directory.CreateTempSubdirectory("styrkort-load-").FullName;
try
{
    var seed = Path.Combine(work, "goals.yaml");
    File.Copy(goals, seed);
    // The loopback address only, on a free port: the load never leaves the machine.
    var app = StyrkortWeb.Build(new WebOptions(Path.Combine(work, "data"), seed), ["--urls", "http://127.0.0.1:0"], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
    await Startup.PrepareAsync(app, demo: true, Console.Error.WriteLine, companies);
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    Console.Error.WriteLine($"serving at {address}; generating the import ({importCompanies:N0} companies) …");
    var upload = Path.Combine(work, "upload");
    AlmiSampleGenerator.Write(upload, new AlmiSampleOptions(Companies: importCompanies, Seed: 11));

    using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = users * 2 };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
    async Task SignInAsync(string user, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var form = new FormUrlEncodedContent([new("userName", user), new("password", password), new("__RequestVerificationToken", token)]);
        (await client.PostAsync("/login", form)).EnsureSuccessStatusCode();
    }
    await SignInAsync("controller", Startup.DemoAccounts.Single(a => a.UserName == "controller").Password);

    string[] pages = ["/", "/goals/nps"];
    async Task<Dictionary<string, List<double>>> LoadAsync(Func<bool> going)
    {
        var times = pages.ToDictionary(p => p, _ => new List<double>());
        await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
        {
            for (var i = u; going(); i++)
            {
                var page = pages[i % pages.Length];
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(page);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                lock (times) times[page].Add(clock.Elapsed.TotalMilliseconds);
            }
        }));
        return times;
    }

    var until = DateTime.UtcNow + baseline;
    var alone = await LoadAsync(() => DateTime.UtcNow < until);

    // Kestrel refuses a request body over 30 MB by default: the import is kept under it.
    var files = new MultipartFormDataContent();
    var size = Directory.GetFiles(upload, "*.csv").Sum(f => new FileInfo(f).Length);
    Console.Error.WriteLine($"uploading {size / 1e6:F1} MB …");
    foreach (var csv in Directory.GetFiles(upload, "*.csv"))
        files.Add(new StreamContent(File.OpenRead(csv)), "files", Path.GetFileName(csv));
    var importClock = Stopwatch.StartNew();
    var import = client.PostAsync("/api/imports?wait=true", files);
    var during = await LoadAsync(() => !import.IsCompleted);
    var imported = await import;
    importClock.Stop();

    static string Row(string phase, string page, List<double> ms)
    {
        ms.Sort();
        double At(double q) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {phase} | `{page}` | {ms.Count} | {At(0.5):F1} | {At(0.95):F1} | {At(0.99):F1} | {(ms.Count == 0 ? double.NaN : ms[^1]):F1} |");
    }
    Console.WriteLine($"{users} users, demo data of {companies:N0} companies; the import: {Directory.GetFiles(upload, "*.csv").Length} files of {importCompanies:N0} companies, " +
                      $"{(int)imported.StatusCode} after {importClock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine();
    Console.WriteLine("| phase | page | requests | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var page in pages) Console.WriteLine(Row("alone", page, alone[page]));
    foreach (var page in pages) Console.WriteLine(Row("during the import", page, during[page]));
    await app.StopAsync();
    await app.DisposeAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}
