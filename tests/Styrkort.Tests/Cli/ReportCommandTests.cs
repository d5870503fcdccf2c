using System.Text;

namespace Styrkort.Tests.Cli;

public sealed class ReportCommandTests(SampleData sample) : IClassFixture<SampleData>, IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("styrkort-report-cli-").FullName;

    private StyrkortProcess.Result Report(params string[] extra) =>
        StyrkortProcess.Run(["report", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, .. extra]);

    [Theory]
    [InlineData("rapport-2025-Q2.pdf", "%PDF-")]
    [InlineData("rapport-2025-Q2.xlsx", "PK")]
    [InlineData("rapport-2025-Q2.html", "<!DOCTYPE html>")]
    public void Report_WritesTheFormatItsFileNameAsksFor(string name, string magic)
    {
        var path = Path.Combine(_out, name);

        var result = Report("--period", "2025-Q2", "--out", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith(magic, Encoding.Latin1.GetString(File.ReadAllBytes(path).AsSpan(0, magic.Length)), StringComparison.Ordinal);
        Assert.Contains("9 goals", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out, "*.tmp"));
    }

    [Fact]
    public void Report_FormatOption_OverridesTheFileName_AndUnitAndLanguageApply()
    {
        var path = Path.Combine(_out, "board.out");

        var result = Report("--period", "2025-Q4", "--unit", "skane", "--lang", "en", "--format", "html", "--out", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var html = File.ReadAllText(path);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Företagspartner Skåne", html, StringComparison.Ordinal);
        Assert.Contains("12 goals", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Explain_SaysWhatChangedForTheGoals_AndWithoutItNothing()
    {
        var plain = Path.Combine(_out, "plain.html");
        var explained = Path.Combine(_out, "explained.html");

        var without = Report("--period", "2025-Q2", "--out", plain);
        var with = Report("--period", "2025-Q2", "--out", explained, "--explain");

        Assert.True(without.ExitCode == 0, without.Stderr);
        Assert.True(with.ExitCode == 0, with.Stderr);
        Assert.DoesNotContain("Vad förändrades", File.ReadAllText(plain), StringComparison.Ordinal);
        var html = File.ReadAllText(explained);
        Assert.Contains("<h4>Vad förändrades</h4><p class=\"what-changed\">", html, StringComparison.Ordinal);
        Assert.Contains("sedan 2025-Q1", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Explain_ComparesEachGoalWithTheQuarterTheBoardLastSawIt()
    {
        var explained = Path.Combine(_out, "explained-board.html");

        var with = Report("--period", "2025-Q2", "--out", explained, "--explain");

        Assert.True(with.ExitCode == 0, with.Stderr);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(explained));
        // NPS is on the agenda in Q2 and Q4: since 2024-Q4. Disbursed loans every quarter: since 2025-Q1, said once.
        Assert.Contains("sedan styrelsen senast såg målet (2024-Q4)", html, StringComparison.Ordinal);
        Assert.Contains("sedan 2025-Q1, då styrelsen senast såg målet", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("ratios")]
    [InlineData("evaluate")]
    public void LangOption_OtherThanSvOrEn_IsRefusedBeforeAnythingRuns(string command)
    {
        var path = Path.Combine(_out, "rapport.pdf");

        var result = StyrkortProcess.Run([command, "--lang", "de", "--period", "2025-Q2", "--out", path]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'de'", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("2025-06", "rapport.pdf", "is not a quarter")]
    [InlineData("2025-Q2", "rapport.docx", "cannot tell the format")]
    public void Report_RefusesWhatItCannotWrite(string period, string name, string message)
    {
        var path = Path.Combine(_out, name);

        var result = Report("--period", period, "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Report_IntoAMissingFolder_IsAnErrorNamingIt()
    {
        var result = Report("--period", "2025-Q2", "--out", Path.Combine(_out, "nowhere", "rapport.pdf"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere: folder not found", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
