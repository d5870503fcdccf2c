using System.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Testing;
using Styrkort.Tests.Cli;
using Warehouses = Styrkort.Core.Warehouse.Warehouse;

namespace Styrkort.Tests.Postgres;

/// <summary>
/// The generated Företagspartner sample imported into a PostgreSQL warehouse evaluates as on DuckDB; an import killed
/// outright (SIGKILL) while it copies leaves PostgreSQL's previous data intact and readable, and the next import succeeds.
/// </summary>
public sealed class WarehouseOnPostgresTests(SampleData sample) : IClassFixture<SampleData>
{
    [Fact]
    public void TheSample_EvaluatesOnPostgresAsOnDuckDb()
    {
        var file = GoalFileReader.Read(StyrkortProcess.GoalFile);
        using var duck = Warehouses.Open(null);
        using var pg = Warehouses.Open(PostgresServer.Shared.NewDatabaseUrl());
        duck.Import(file, sample.Folder, TimeProvider.System);
        pg.Import(file, sample.Folder, TimeProvider.System);

        Assert.Equal(duck.Units(), pg.Units());
        Assert.Equal(duck.DateRange(file), pg.DateRange(file));
        foreach (var period in new[] { "2026-Q2", "2025", "2024-11" })
        {
            var a = new Evaluator(file, duck).Evaluate(Period.Parse(period));
            var b = new Evaluator(file, pg).Evaluate(Period.Parse(period));
            Assert.Equal(a.Outcomes.Count, b.Outcomes.Count);
            foreach (var (x, y) in a.Outcomes.Zip(b.Outcomes))
            {
                Assert.Equal(x with { Value = null, Comparison = null }, y with { Value = null, Comparison = null });
                Assert.True(Close(x.Value?.AsDouble, y.Value?.AsDouble), $"{period} {x.Goal}/{x.Unit}: {x.Value} on DuckDB, {y.Value} on PostgreSQL");
                Assert.True(Close(x.Comparison, y.Comparison), $"{period} {x.Goal}/{x.Unit}: comparison {x.Comparison} on DuckDB, {y.Comparison} on PostgreSQL");
                Assert.Equal(x.Value?.Exact is null, y.Value?.Exact is null);
            }
        }
    }

    private static bool Close(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    [Fact]
    public void AnImportKilledWhileCopying_LeavesThePreviousDataIntact()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-pg-killed-").FullName;
        try
        {
            var large = Path.Combine(folder, "large");
            var url = PostgresServer.Shared.NewDatabaseUrl();
            Ok(StyrkortProcess.Run("sample", "almi", "--out", large, "--companies", "300000", "--seed", "5"));
            Ok(StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--warehouse", url));
            string[] evaluate = ["evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", url, "--period", "2026-Q2", "--format", "json"];
            var before = Ok(StyrkortProcess.Run(evaluate)).Stdout;

            using (var import = Process.Start(StyrkortProcess.StartInfo(StyrkortProcess.RepoRoot,
                       ["import", "--goals", StyrkortProcess.GoalFile, "--data", large, "--warehouse", url]))!)
            {
                // Killed once it reports the fourth file: the first three (financials, the largest, among them) are
                // copied into PostgreSQL by then, inside the import's transaction.
                var output = new System.Text.StringBuilder();
                var reached = new ManualResetEventSlim();
                void Watch(string? line)
                {
                    if (line is null) return;
                    lock (output) output.AppendLine(line);
                    if (line.Contains("(4/11)", StringComparison.Ordinal)) reached.Set();
                }
                import.OutputDataReceived += (_, e) => Watch(e.Data);
                import.ErrorDataReceived += (_, e) => Watch(e.Data);
                import.BeginOutputReadLine();
                import.BeginErrorReadLine();
                Assert.True(reached.Wait(TimeSpan.FromMinutes(3)), $"the import never reached loans: {output}");
                Assert.False(import.HasExited, $"the import ended before it could be killed: {output}");
                import.Kill(entireProcessTree: true);
                import.WaitForExit();
            }

            Assert.Equal(before, Ok(StyrkortProcess.Run(evaluate)).Stdout);
            // The server has rolled the dead connection's transaction back: nothing stands in the way of the next import.
            Ok(StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", large, "--warehouse", url));
            Assert.NotEqual(before, Ok(StyrkortProcess.Run(evaluate)).Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AWarehouseUrlThatCannotBeReached_IsAPlainError()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", $"postgresql://anna:hemligt@127.0.0.1:{port}/styrkort", "--period", "2026-Q2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: postgresql://anna@127.0.0.1:{port}/styrkort: cannot connect to the PostgreSQL warehouse", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static StyrkortProcess.Result Ok(StyrkortProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }
}
