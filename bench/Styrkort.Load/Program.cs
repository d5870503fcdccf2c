using System.Diagnostics;
using System.Text.RegularExpressions;
using Styrkort.Load;

// The load test of issue 11: 50 signed-in readers on the overview and the goal pages while a controller imports a large
// file. Loopback only, bounded in time and requests, stops by itself. See bench/README.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var work = Directory.CreateTempSubdirectory("styrkort-load-").FullName;
ServerProcess? server = null;
try
{
    Uri url;
    string importPath;
    string serverDescription;
    if (options.Url is null)
    {
        Console.Error.WriteLine($"starting serve --demo with {options.Companies:N0} companies in {work} (generating and importing the sample takes a while) …");
        server = ServerProcess.Start(options.Companies, work);
        await server.WaitUntilHealthyAsync(options.StartTimeout, cancel.Token);
        url = server.Url;
        importPath = Path.Combine(server.DataDirectory, "sample", options.ImportFile);
        var version = FileVersionInfo.GetVersionInfo(Path.Combine(AppContext.BaseDirectory, "styrkort.dll")).ProductVersion;
        serverDescription = $"serve --demo started here, {options.Companies:N0} companies, styrkort {version}";
    }
    else
    {
        url = options.Url;
        importPath = options.ImportPath!;
        serverDescription = $"{url} (given)";
    }
    if (!File.Exists(importPath)) throw new FileNotFoundException($"the file to import is not there: {importPath}");
    Console.Error.WriteLine($"server at {url}; import file {importPath} ({new FileInfo(importPath).Length / 1024.0 / 1024.0:F1} MiB)");

    // Sign-ins: the 50 readers cycle over the demo accounts, each with its own session.
    (string User, string Password)[] readers = [("board", "demo-board-2026"), ("controller", "demo-controller-2026"), ("admin", "demo-admin-2026"), ("skane", "demo-skane-2026")];
    var sessions = new List<Session>();
    for (var i = 0; i < options.Users; i++)
    {
        var (user, password) = readers[i % readers.Length];
        sessions.Add(await Session.SignInAsync(url, user, password, cancel.Token));
    }
    using var controller = await Session.SignInAsync(url, options.Controller, options.ControllerPassword, cancel.Token);
    var token = await controller.CreateApiTokenAsync(cancel.Token);
    var overview = await controller.GetStringAsync("/", cancel.Token);
    var goals = Regex.Matches(overview, "href=\"/goals/([^\"/?]+)").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();
    if (goals.Count == 0) throw new InvalidOperationException("the overview links to no goal page (/goals/{id})");
    Console.Error.WriteLine($"{sessions.Count} users signed in; {goals.Count} goal pages; warming up …");
    foreach (var session in sessions.Take(4)) await (await session.GetAsync("/", cancel.Token)).Content.ReadAsStringAsync(cancel.Token);

    var recorder = new Recorder();
    var clock = Stopwatch.StartNew();
    long requests = 0;
    bool MayGoOn() => clock.Elapsed < options.Duration && Interlocked.Increment(ref requests) <= options.MaxRequests;
    var users = sessions.Select((s, i) => new VirtualUser(s, goals, options.Think, recorder, seed: i + 1).RunAsync(MayGoOn, cancel.Token)).ToList();
    var importer = Task.Run(async () =>
    {
        await Task.Delay(options.Quiet, cancel.Token);
        Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: posting imports …");
        await new Importer(url, token, importPath, recorder).RunAsync(() => clock.Elapsed < options.Duration, options.MaxImports, cancel.Token);
    });
    await Task.WhenAll(users);
    var end = Stopwatch.GetTimestamp();
    var elapsed = clock.Elapsed;
    Console.Error.WriteLine($"{elapsed.TotalSeconds:F0} s: load stopped; waiting for the import in flight …");
    await importer;

    var rows = Report.Rows(recorder, end);
    Console.WriteLine(Report.Markdown(options, serverDescription, rows, recorder, elapsed));
    foreach (var s in sessions) s.Dispose();
    var met = Report.Targets.All(t => Report.Met(rows, t.Page, t.P95Milliseconds)) && recorder.Imports.All(i => i.Status is >= 200 and < 300);
    return met ? 0 : 3;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("stopped");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException)
{
    Console.Error.WriteLine("error: " + e.Message);
    if (server is not null)
    {
        server.Dispose();
        Console.Error.WriteLine("the server's last lines:");
        foreach (var line in File.ReadLines(server.LogFile).TakeLast(40)) Console.Error.WriteLine("  " + line);
        server = null;
    }
    return 1;
}
finally
{
    server?.Dispose();
    if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
}
