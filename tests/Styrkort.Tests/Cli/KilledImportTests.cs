using System.Diagnostics;

namespace Styrkort.Tests.Cli;

/// <summary>
/// An import killed outright in the middle (SIGKILL, nothing cleaned up) leaves the warehouse as it was: the next
/// process evaluates the previous data, and the next import succeeds.
/// </summary>
public sealed class KilledImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-killed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AnImportKilledWhileLoading_LeavesThePreviousDataIntact()
    {
        var small = Path.Combine(_folder, "small");
        var large = Path.Combine(_folder, "large");
        var warehouse = Path.Combine(_folder, "w.duckdb");
        Ok(StyrkortProcess.Run("sample", "almi", "--out", small, "--companies", "3000", "--seed", "11"));
        Ok(StyrkortProcess.Run("sample", "almi", "--out", large, "--companies", "300000", "--seed", "5"));
        Ok(StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", small, "--warehouse", warehouse));
        var before = Ok(StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json")).Stdout;

        using (var import = Process.Start(StyrkortProcess.StartInfo(StyrkortProcess.RepoRoot,
                   ["import", "--goals", StyrkortProcess.GoalFile, "--data", large, "--warehouse", warehouse]))!)
        {
            // Killed once it reports the third file (financials, the largest): the earlier ones are loaded by then,
            // inside the import's transaction.
            var output = new System.Text.StringBuilder();
            var reached = new ManualResetEventSlim();
            void Watch(string? line)
            {
                if (line is null) return;
                lock (output) output.AppendLine(line);
                if (line.Contains("(3/11)", StringComparison.Ordinal)) reached.Set();
            }
            import.OutputDataReceived += (_, e) => Watch(e.Data);
            import.ErrorDataReceived += (_, e) => Watch(e.Data);
            import.BeginOutputReadLine();
            import.BeginErrorReadLine();
            Assert.True(reached.Wait(TimeSpan.FromMinutes(2)), $"the import never reached financials: {output}");
            Assert.False(import.HasExited, $"the import ended before it could be killed: {output}");
            import.Kill(entireProcessTree: true);
            import.WaitForExit();
        }

        var after = Ok(StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json")).Stdout;
        Assert.Equal(before, after);
        // Nothing is left half done that would stand in the way of the next import.
        Ok(StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", large, "--warehouse", warehouse));
        Assert.NotEqual(before, Ok(StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json")).Stdout);
    }

    private static StyrkortProcess.Result Ok(StyrkortProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }
}
