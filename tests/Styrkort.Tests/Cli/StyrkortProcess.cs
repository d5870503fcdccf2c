using System.Diagnostics;

namespace Styrkort.Tests.Cli;

/// <summary>Runs the real executable (styrkort.dll beside the tests) as a child process.</summary>
internal static class StyrkortProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWithInput(null, args);

    public static Result RunWithInput(string? input, params string[] args) => RunIn(RepoRoot, input, args);

    /// <summary>Runs in <paramref name="workingDirectory"/>: the program must not need the repository around it.</summary>
    public static Result RunIn(string workingDirectory, string? input, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args, redirectInput: input is not null))!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException(string.Join(' ', args)); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
            { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "styrkort.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    public static string RepoRoot { get; } = FindRoot();

    public static string GoalFile => Path.Combine(RepoRoot, "samples", "almi", "goals.yaml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One small generated Företagspartner sample shared by the tests of a class.</summary>
public sealed class SampleData : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("styrkort-sample-").FullName;

    public SampleData()
    {
        var result = StyrkortProcess.Run("sample", "almi", "--out", Folder, "--companies", "3000", "--seed", "11");
        if (result.ExitCode != 0) throw new InvalidOperationException("sample failed: " + result.Stderr);
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _copies = [];

    /// <summary>A copy of the sample that a test may damage; deleted with the sample.</summary>
    public string Copy()
    {
        var copy = Directory.CreateTempSubdirectory("styrkort-copy-").FullName;
        _copies.Add(copy);
        foreach (var file in Directory.GetFiles(Folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public void Dispose()
    {
        foreach (var copy in _copies.Where(Directory.Exists)) Directory.Delete(copy, recursive: true);
        Directory.Delete(Folder, recursive: true);
    }
}
