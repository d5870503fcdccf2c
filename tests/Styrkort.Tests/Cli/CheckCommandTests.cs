namespace Styrkort.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-goals-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_AGoodFile_SaysOk()
    {
        var result = StyrkortProcess.Run("check", "--goals", StyrkortProcess.GoalFile);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok: 11 datasets, 3 populations, 16 metrics, 12 goals", result.Stdout.Trim());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void CheckSql_SpeaksTheDialectAsked_DuckDbByDefault()
    {
        var duck = StyrkortProcess.Run("check", "--goals", StyrkortProcess.GoalFile, "--sql", "loan_return_36m");
        var pg = StyrkortProcess.Run("check", "--goals", StyrkortProcess.GoalFile, "--sql", "loan_return_36m", "--dialect", "postgresql");
        var unknown = StyrkortProcess.Run("check", "--goals", StyrkortProcess.GoalFile, "--sql", "loan_return_36m", "--dialect", "oracle");

        Assert.True(duck.ExitCode == 0 && pg.ExitCode == 0, duck.Stderr + pg.Stderr);
        Assert.Equal(Core.Sql.DuckDbDialect.Instance.Render(Sql("loan_return_36m")), duck.Stdout.TrimEnd());
        Assert.Equal(Core.Sql.PostgresDialect.Instance.Render(Sql("loan_return_36m")), pg.Stdout.TrimEnd());
        Assert.NotEqual(duck.Stdout, pg.Stdout);
        Assert.NotEqual(0, unknown.ExitCode);
    }

    private static Core.Sql.SqlQuery Sql(string metric) =>
        Core.Compilation.MetricCompiler.Compile(Core.GoalFiles.GoalFileReader.Read(StyrkortProcess.GoalFile), metric, Core.Periods.Period.Parse("2026-Q2")).Query;

    [Fact]
    public void Check_ListsEveryError_EachWithFileLineAndColumn_ThenTheCount()
    {
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        // Two mistakes in two metrics and one in a goal's breakdown: all three come out of one run, in file order.
        var bad = text
            .Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal)
            .Replace("count(efforts on completed_on during ytd)\n", "count(efforts on complete_on during ytd)\n", StringComparison.Ordinal)
            .Replace("    metric: disbursed_loans\n", "    metric: disbursed_loans\n    breakdown: [financials.fiscal_year]\n", StringComparison.Ordinal);
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, bad);

        var result = StyrkortProcess.Run("check", "--goals", goals);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
        [
            $"{goals}:{Where(bad, "loans.amout")}: dataset 'loans' has no column 'amout'; its columns: loan_id, org_nr, unit_id, disbursed_on, amount, phase",
            $"{goals}:{Where(bad, "complete_on during")}: dataset 'efforts' has no column 'complete_on'",
            $"{goals}:{Where(bad, "financials.fiscal_year]")}: goal 'disbursed_loans': breakdown 'financials.fiscal_year' cannot be reached from loans (which metric 'disbursed_loans' aggregates) along 'references'",
            $"error: 3 errors in {goals}",
        ], lines);
    }

    /// <summary>line:column (1-based) of the first occurrence of <paramref name="what"/>.</summary>
    private static string Where(string text, string what)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(what, StringComparison.Ordinal));
        return $"{line + 1}:{lines[line].IndexOf(what, StringComparison.Ordinal) + 1}";
    }
}
