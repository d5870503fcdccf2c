using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Styrkort.Load;

/// <summary>
/// <c>styrkort serve --demo</c> as its own process on 127.0.0.1 with a fresh data folder, so that the load generator and
/// the server do not share a garbage collector or a thread pool. Killed (with its children) on dispose.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public Uri Url { get; }
    public string DataDirectory { get; }
    public string LogFile { get; }

    private ServerProcess(Process process, Uri url, string dataDirectory, string logFile, StreamWriter log)
    {
        _process = process;
        Url = url;
        DataDirectory = dataDirectory;
        LogFile = logFile;
        _log = log;
    }

    public static ServerProcess Start(int companies, string work)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var data = Path.Combine(work, "data");
        var logFile = Path.Combine(work, "serve.log");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "styrkort.dll"), "serve", "--demo", "--demo-companies", companies.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", data, "--urls", url.ToString().TrimEnd('/') })
            start.ArgumentList.Add(a);
        // 50 users sign in from one address within seconds; the server's per-address sign-in limit is for attackers.
        start.Environment["Styrkort__LoginAttemptsPerMinute"] = "100000";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet styrkort.dll");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, url, data, logFile, log);
    }

    /// <summary>Polls /health until it says ok; the demo generates and imports its sample first, which takes minutes when large.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan limit, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            cancel.ThrowIfCancellationRequested();
            if (_process.HasExited) throw new InvalidOperationException($"the server stopped (exit code {_process.ExitCode}); see {LogFile}");
            try
            {
                if (await http.GetStringAsync("/health", cancel) == "ok") return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
            }
            await Task.Delay(1000, cancel);
        }
        throw new TimeoutException($"the server did not answer /health within {limit.TotalMinutes:F0} min; see {LogFile}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
