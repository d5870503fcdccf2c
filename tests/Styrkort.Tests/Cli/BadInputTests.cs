namespace Styrkort.Tests.Cli;

public sealed class BadInputTests(SampleData sample) : IClassFixture<SampleData>
{
    [Fact]
    public void MalformedDate_IsReportedWithFileLineAndColumn_AndExitCodeOne()
    {
        var folder = sample.Copy();
        var loans = Path.Combine(folder, "loans.csv");
        var lines = File.ReadAllLines(loans);
        var fields = lines[4].Split(',');
        fields[3] = "2026-13-01";
        lines[4] = string.Join(',', fields);
        File.WriteAllLines(loans, lines);

        var result = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", folder, "--period", "2026-Q2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("loans.csv:5:4 (disbursed_on)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("2026-13-01", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public void FailedImport_LeavesTheWarehouseAsItWas()
    {
        var warehouse = Path.Combine(Path.GetTempPath(), $"styrkort-{Guid.NewGuid():N}.duckdb");
        try
        {
            Assert.Equal(0, StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--warehouse", warehouse).ExitCode);
            var before = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json").Stdout;

            var folder = sample.Copy();
            File.AppendAllText(Path.Combine(folder, "nps_responses.csv"), "X-1,000000-0000,nowhere,2026-05-05,7\n");
            var bad = StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", folder, "--warehouse", warehouse);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("nps_responses.csv", bad.Stderr, StringComparison.Ordinal);

            var after = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json").Stdout;
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(warehouse);
        }
    }

    [Fact]
    public void GoalFileWithAnUnknownName_IsRefusedWithLineAndColumn()
    {
        var goals = Path.Combine(Directory.CreateTempSubdirectory("styrkort-goals-").FullName, "goals.yaml");
        var text = File.ReadAllText(StyrkortProcess.GoalFile).Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal);
        File.WriteAllText(goals, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("loans.amout", StringComparison.Ordinal)) + 1;
        var column = text.Split('\n')[line - 1].IndexOf("loans.amout", StringComparison.Ordinal) + 1;

        var result = StyrkortProcess.Run("evaluate", "--goals", goals, "--data", sample.Folder, "--period", "2026-Q2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"goals.yaml:{line}:{column}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no column 'amout'", result.Stderr, StringComparison.Ordinal);
    }
}
