using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Styrkort.Bench;

/// <summary>
/// A throw-away PostgreSQL server for the bench: initdb and pg_ctl (Debian's binaries under /usr/lib/postgresql) in a
/// temporary folder, a free loopback port, no durability (fsync, synchronous_commit and full-page writes off: the bench
/// measures the work, not the disk) and 512 MB of shared buffers; stopped and deleted on dispose. As root the server
/// runs as the 'postgres' user. With <c>--postgres URL</c> the bench uses that database instead.
/// </summary>
internal sealed class BenchPostgres : IDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgres;

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public BenchPostgres()
    {
        _bin = (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().ToArray() : [])
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's 'postgresql' package, or give --postgres URL");
        _asPostgres = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), $"styrkort-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (_asPostgres) Run("chown", ["postgres", _folder], asPostgres: false);
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        Run(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"]);
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-w", "-l", Path.Combine(_folder, "log"), "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
            "-c shared_buffers=512MB -c max_wal_size=4GB", "start"]);
    }

    /// <summary>A new empty database as a warehouse URL.</summary>
    public string NewDatabase(string name)
    {
        Run("psql", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-c", $"CREATE DATABASE {name}"], asPostgres: false);
        return $"postgresql://postgres@127.0.0.1:{Port}/{name}";
    }

    /// <summary>The server's processes: the postmaster (first line of postmaster.pid) and its children.</summary>
    public IReadOnlyList<int> Processes()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var children = Directory.GetDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return [postmaster, .. children];
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line["PPid:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // gone meanwhile
        }
    }

    private string Run(string file, IReadOnlyList<string> args, bool? asPostgres = null)
    {
        var runAs = asPostgres ?? _asPostgres;
        var start = new ProcessStartInfo(runAs ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (runAs) foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose()
    {
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "stop"]); }
        finally { Directory.Delete(_folder, recursive: true); }
    }
}
