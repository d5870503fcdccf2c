using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Styrkort.Testing;

/// <summary>
/// A throw-away PostgreSQL server: initdb in a temporary folder, pg_ctl start on a free loopback port, stopped and
/// deleted on dispose. initdb refuses to run as root, so as root the server runs as the 'postgres' system user.
/// A test class either takes one of its own (<c>IClassFixture&lt;PostgresServer&gt;</c>) or shares
/// <see cref="Shared"/>, the one server of the test process, with a fresh database per class (<see cref="NewDatabaseUrl"/>).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> LazyShared = new(() => new PostgresServer());

    /// <summary>
    /// One server for the whole test process, started on first use and stopped when the process ends (see
    /// <see cref="Watch"/>: the test host may be ended before its exit handlers are through).
    /// </summary>
    public static PostgresServer Shared => LazyShared.Value;

    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgres;
    private int _databases;
    private bool _disposed;

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <summary>The database as a warehouse location: <c>postgresql://postgres@127.0.0.1:port/database</c>.</summary>
    public string Url(string database) => $"postgresql://postgres@127.0.0.1:{Port}/{database}";

    public PostgresServer()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's 'postgresql' package (.ci/run does)");
        _asPostgres = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), $"styrkort-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (_asPostgres) Run("chown", ["postgres", _folder], asPostgres: false);
        Port = FreePort();
        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]);
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
        Watch(data);
    }

    /// <summary>
    /// A watcher process that stops the server and deletes its folder once the test process is gone, however it ends
    /// (disposed or not, killed or not): no server outlives the tests that started it. Its standard streams are pipes
    /// of this process, so nothing waiting for the test host's output waits for it.
    /// </summary>
    private void Watch(string data)
    {
        var stop = $"{(_asPostgres ? "runuser -u postgres -- " : "")}'{Path.Combine(_bin, "pg_ctl")}' -D '{data}' -m immediate -w stop";
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{_folder}'");
        Process.Start(start)!.Dispose();
    }

    public void CreateDatabase(string name) =>
        Run("psql", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-c", $"CREATE DATABASE {name}"], asPostgres: false);

    /// <summary>A new empty database on this server, as a warehouse URL: one per test class keeps classes apart.</summary>
    public string NewDatabaseUrl()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..20];
        CreateDatabase(name);
        return Url(name);
    }

    public string Query(string database, string sql) =>
        Run("psql", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-At", "-c", sql], asPostgres: false);

    private static string? FindBin()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Run(string file, IReadOnlyList<string> args, bool? asPostgres = null)
    {
        var start = (asPostgres ?? _asPostgres) ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres ?? _asPostgres) { start.ArgumentList.Add("-u"); start.ArgumentList.Add("postgres"); start.ArgumentList.Add("--"); start.ArgumentList.Add(file); }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); throw new TimeoutException(file); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result.Trim();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            // The server's last processes may still remove their files (socket, pid) while the folder is deleted.
            for (var attempt = 1; Directory.Exists(_folder); attempt++)
            {
                try { Directory.Delete(_folder, recursive: true); }
                catch (IOException) when (attempt < 10) { Thread.Sleep(100); }
            }
        }
    }
}
