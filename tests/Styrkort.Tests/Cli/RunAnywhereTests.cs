using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Styrkort.Tests.Cli;

/// <summary>
/// The program as installed: run from a folder that is not the repository, it finds its sample goal files, libraries and
/// the goal file of a data folder by itself (issue 11, "install and run anywhere").
/// </summary>
public sealed class RunAnywhereTests : IDisposable
{
    private readonly string _cwd = Directory.CreateTempSubdirectory("styrkort-cwd-").FullName;

    public void Dispose() => Directory.Delete(_cwd, recursive: true);

    private StyrkortProcess.Result Run(params string[] args) => StyrkortProcess.RunIn(_cwd, null, args);

    private void Sample(string folder)
    {
        var result = Run("sample", "almi", "--out", folder, "--companies", "400", "--seed", "3");
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public void Sample_WritesTheShippedGoalFileBesideTheData()
    {
        Sample("x");
        var written = Path.Combine(_cwd, "x", "goals.yaml");
        Assert.True(File.Exists(written), "sample almi wrote no goals.yaml");
        Assert.Equal(File.ReadAllText(StyrkortProcess.GoalFile), File.ReadAllText(written));
    }

    [Fact]
    public void Evaluate_WithoutGoals_ReadsTheGoalFileOfTheDataFolder()
    {
        Sample("x");
        var result = Run("evaluate", "--data", "x", "--period", "2026-Q2", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(12 * 17, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Evaluate_WithoutGoals_AndNoGoalFileInTheData_SaysWhereItLookedAndWhatToGive()
    {
        Sample("x");
        File.Delete(Path.Combine(_cwd, "x", "goals.yaml"));
        var result = Run("evaluate", "--data", "x", "--period", "2026-Q2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Path.Combine(_cwd, "x"), result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no goals.yaml in the data folder", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--goals", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Evaluate_WithAWarehouseAndNoGoals_IsAUsageError()
    {
        var result = Run("evaluate", "--warehouse", "w.duckdb", "--period", "2026-Q2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no goal file: give --goals FILE", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cwd, "w.duckdb")));
    }

    [Fact]
    public void Import_WithoutGoals_ThenEvaluateTheWarehouse()
    {
        Sample("x");
        var import = Run("import", "--data", "x", "--warehouse", "w.duckdb");
        Assert.True(import.ExitCode == 0, import.Stderr);
        var evaluate = Run("evaluate", "--goals", Path.Combine("x", "goals.yaml"), "--warehouse", "w.duckdb", "--period", "2026-Q2", "--format", "json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        using var json = JsonDocument.Parse(evaluate.Stdout);
        Assert.Equal(12 * 17, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Report_WithoutGoals_ReadsTheGoalFileOfTheDataFolder()
    {
        Sample("x");
        var result = Run("report", "--data", "x", "--period", "2026-Q2", "--out", "rapport.html");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Företagspartner", File.ReadAllText(Path.Combine(_cwd, "rapport.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Ratios_DefaultLibrary_IsTheShippedOne()
    {
        var sie = Path.Combine(StyrkortProcess.RepoRoot, "samples", "smb", "exempelbolaget.se");
        var result = Run("ratios", sie, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("years").GetArrayLength() > 0);
    }

    [Fact]
    public void ShippedSmallCompanyGoalFiles_AreValid()
    {
        foreach (var file in new[] { "goals.yaml", "exempelbolaget.yaml" })
        {
            var result = Run("check", "--goals", Path.Combine(AppContext.BaseDirectory, "samples", "smb", file));
            Assert.True(result.ExitCode == 0, file + ": " + result.Stderr);
        }
    }

    [Fact]
    public void ServeDemo_StartsOutsideTheRepository_WithItsGoalFileInTheDataFolder()
    {
        var port = FreePort();
        var output = new StringBuilder();
        var start = StyrkortProcess.StartInfo(_cwd,
            ["serve", "--demo", "--demo-companies", "300", "--data-dir", "d", "--urls", $"http://127.0.0.1:{port}"]);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var health = WaitForHealth(http, port, process, TimeSpan.FromSeconds(120));
            lock (output) Assert.True(health == "ok", "serve --demo did not answer /health:\n" + output);
            var seeded = Path.Combine(_cwd, "d", "goals.yaml");
            Assert.True(File.Exists(seeded), "no goals.yaml in the data folder");
            Assert.Equal(File.ReadAllText(StyrkortProcess.GoalFile), File.ReadAllText(seeded));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public void ServeDemoSmb_SeedsTheSmallCompanysGoalFileAndItsDataDeclarations_AndNamesItsAccounts()
    {
        var port = FreePort();
        var output = new StringBuilder();
        var start = StyrkortProcess.StartInfo(_cwd, ["serve", "--demo", "smb", "--data-dir", "d", "--urls", $"http://127.0.0.1:{port}"]);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var health = WaitForHealth(http, port, process, TimeSpan.FromSeconds(120));
            lock (output) Assert.True(health == "ok", "serve --demo smb did not answer /health:\n" + output);
            var shipped = Path.Combine(StyrkortProcess.RepoRoot, "samples", "smb");
            foreach (var file in new[] { "goals.yaml", "smb-data.yaml" })
                Assert.Equal(File.ReadAllText(Path.Combine(shipped, file)), File.ReadAllText(Path.Combine(_cwd, "d", file)));
            // The accounts are printed once the app has started, just after /health answers.
            var clock = Stopwatch.StartNew();
            bool Printed() { lock (output) return output.ToString().Contains("saljchef", StringComparison.Ordinal); }
            while (clock.Elapsed < TimeSpan.FromSeconds(10) && !Printed()) Thread.Sleep(100);
            lock (output) Assert.Contains("unit_manager (sales)", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static string? WaitForHealth(HttpClient http, int port, Process process, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !process.HasExited)
        {
            try
            {
                return http.GetStringAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Thread.Sleep(250);
            }
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
