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
            .Replace("    breakdown: [loans.phase]\n", "    breakdown: [financials.fiscal_year]\n", StringComparison.Ordinal);
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

    [Fact]
    public void Check_ListsTheErrorsOfReadingAndOfFormulasTogether_InFileOrder()
    {
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        // Unknown keys in two goals, a misspelt column, a dataset that does not exist, a bad deadline: one run.
        var bad = text
            .Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal)
            .Replace("    metric: disbursed_loans\n", "    metric: disbursed_loans\n    colour: green\n", StringComparison.Ordinal)
            .Replace("    metric: cost_per_effort\n", "    metric: cost_per_effort\n    colour: red\n    deadline: soon\n", StringComparison.Ordinal)
            .Replace("    breakdown: [efforts.phase]\n", "    breakdown: [grants.kind]\n", StringComparison.Ordinal);
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, bad);

        var result = StyrkortProcess.Run("check", "--goals", goals);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var keys = "id, name, description, area, type, metric, comparison, target, board, owner, unit, units, subunits, breakdown, serves, deadline";
        Assert.Equal(
        [
            $"{goals}:{Where(bad, "loans.amout")}: dataset 'loans' has no column 'amout'; its columns: loan_id, org_nr, unit_id, disbursed_on, amount, phase",
            $"{goals}:{Where(bad, "colour: green")}: unknown key 'colour' in a goal; expected one of: {keys}",
            $"{goals}:{Where(bad, "grants.kind")}: goal 'completed_efforts': breakdown 'grants.kind': unknown dataset 'grants'; datasets: {string.Join(", ", Datasets(bad))}",
            $"{goals}:{Where(bad, "colour: red")}: unknown key 'colour' in a goal; expected one of: {keys}",
            $"{goals}:{Where(bad, "soon")}: expected a deadline as a date (2026-12-31) or a period whose last day it is (2026-Q4, 2026-12, 2026), found 'soon'",
            $"error: 5 errors in {goals}",
        ], Lines(result.Stderr));
    }

    [Fact]
    public void Check_AYamlSyntaxError_SaysNothingAfterItWasChecked()
    {
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, File.ReadAllText(StyrkortProcess.GoalFile).Replace("  - id: completed_efforts\n", "  - id: completed_efforts\n   name: x\n", StringComparison.Ordinal));

        var result = StyrkortProcess.Run("check", "--goals", goals);

        Assert.Equal(1, result.ExitCode);
        var lines = Lines(result.Stderr);
        Assert.Equal(3, lines.Count);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(goals)}:\\d+:\\d+: not valid YAML: ", lines[0]);
        Assert.EndsWith($": note: YAML cannot be read past this error: nothing after it in {goals} was checked", lines[1], StringComparison.Ordinal);
        Assert.Equal($"error: 1 error in {goals}", lines[2]);
    }

    [Fact]
    public void Check_OnlyWarnings_AreListedWithLineAndColumn_AndTheExitCodeIsZero()
    {
        // One goal serves another: the file has a structure now, and its goals without owner or deadline are named.
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        var structured = text.Replace("    metric: completed_efforts\n", "    metric: completed_efforts\n    serves: disbursed_loans\n    owner: Rådgivningschef\n    deadline: 2026-Q4\n", StringComparison.Ordinal);
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, structured);

        var result = StyrkortProcess.Run("check", "--goals", goals);

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Stderr);
        // 11 goals without owner and deadline (two warnings each), 4 only better than a comparison.
        Assert.Equal(11 * 2 + 4, lines.Count);
        Assert.All(lines, l => Assert.Contains(": warning: ", l, StringComparison.Ordinal));
        Assert.Contains($"{goals}:{Where(structured, "id: disbursed_loans")}: warning: goal 'disbursed_loans' has no owner; name the person or role who answers for it (owner: …)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("'completed_efforts'", StringComparison.Ordinal));
        Assert.Equal("ok: 11 datasets, 3 populations, 16 metrics, 12 goals, 26 warnings", result.Stdout.Trim());
    }

    [Fact]
    public void Evaluate_RefusesAFileWithErrors_ListingAllOfThem()
    {
        var text = File.ReadAllText(StyrkortProcess.GoalFile);
        var bad = text
            .Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal)
            .Replace("    metric: cost_per_effort\n", "    metric: cost_per_effort\n    colour: red\n", StringComparison.Ordinal);
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, bad);

        var result = StyrkortProcess.Run("evaluate", "--goals", goals, "--data", Path.Combine(_folder, "nowhere"), "--period", "2026-Q2");

        Assert.Equal(1, result.ExitCode);
        var lines = Lines(result.Stderr);
        Assert.Equal(3, lines.Count);
        Assert.StartsWith($"error: {goals}:{Where(bad, "loans.amout")}: dataset 'loans' has no column 'amout'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"error: {goals}:{Where(bad, "colour: red")}: unknown key 'colour'", lines[1], StringComparison.Ordinal);
        Assert.Equal($"error: 2 errors in {goals}", lines[2]);
    }

    [Fact]
    public void Check_ListsAtMostAHundred_ThenHowManyMore()
    {
        // 150 unknown top-level keys: 150 errors, of which the first 100 are listed.
        var goals = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(goals, File.ReadAllText(StyrkortProcess.GoalFile) + string.Concat(Enumerable.Range(1, 150).Select(i => $"extra{i}: 1\n")));

        var result = StyrkortProcess.Run("check", "--goals", goals);

        Assert.Equal(1, result.ExitCode);
        var lines = Lines(result.Stderr);
        Assert.Equal(102, lines.Count);
        Assert.Contains("unknown key 'extra100' in the goal file", lines[99], StringComparison.Ordinal);
        Assert.Equal("… and 50 more", lines[100]);
        Assert.Equal($"error: 150 errors in {goals}", lines[101]);
    }

    private static List<string> Lines(string output) => output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static IEnumerable<string> Datasets(string goalFile) =>
        Core.GoalFiles.GoalFileReader.ReadAll(StyrkortProcess.GoalFile).File!.Datasets.Keys;

    /// <summary>line:column (1-based) of the first occurrence of <paramref name="what"/>.</summary>
    private static string Where(string text, string what)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(what, StringComparison.Ordinal));
        return $"{line + 1}:{lines[line].IndexOf(what, StringComparison.Ordinal) + 1}";
    }
}
