using System.Text.Json;

namespace Styrkort.Tests.Cli;

/// <summary>
/// <c>evaluate --period 2026-W12</c>: a sales team's week (Monday 16 – Sunday 22 March 2026), as a table and as JSON;
/// a week that its ISO year lacks is refused, and the board report stays a quarter's.
/// </summary>
public sealed class WeekPeriodCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-weeks-").FullName;

    public WeekPeriodCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "goals.yaml"), """
            organisation: Säljbolaget AB
            datasets:
              team:
                key: [person_id]
                columns: {person_id: text, name: text, parent_id: {type: text, nullable: true}}
              activities:
                key: [activity_id]
                unit: person_id
                time: done_on
                columns:
                  activity_id: text
                  person_id: text
                  done_on: date
                  kind: {type: code, values: [meeting, demo, quote]}
            units: {dataset: team, id: person_id, parent: parent_id, name: name}
            metrics:
              meetings: count(activities where activities.kind = 'meeting' during period)
              quotes_ytd: count(activities where activities.kind = 'quote' during ytd)
            areas:
              - {id: sales, name: {sv: Försäljning, en: Sales}}
            goals:
              - id: meetings
                name: {sv: Kundmöten i veckan, en: Customer meetings in the week}
                area: sales
                type: Ä
                metric: meetings
                target: {rule: at_least, level: 3}
                board: [Q1]
              - id: quotes
                name: {sv: Offerter i år, en: Quotes this year}
                area: sales
                type: Ä
                metric: quotes_ytd
                target: {rule: at_least, level: 73, phasing: linear}
                board: [Q1]
            """);
        File.WriteAllText(Path.Combine(_folder, "team.csv"), "person_id,name,parent_id\nboss,Säljchefen,\nanna,Anna,boss\nbo,Bo,boss\n");
        File.WriteAllText(Path.Combine(_folder, "activities.csv"), """
            activity_id,person_id,done_on,kind
            a1,anna,2026-03-16,meeting
            a2,anna,2026-03-18,meeting
            a3,anna,2026-03-22,meeting
            a4,anna,2026-03-23,meeting
            a5,bo,2026-03-15,meeting
            a6,bo,2026-03-17,meeting
            q1,anna,2026-01-02,quote
            q2,anna,2025-12-30,quote
            q3,bo,2026-03-20,quote

            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private StyrkortProcess.Result Evaluate(params string[] extra) =>
        StyrkortProcess.Run(["evaluate", "--goals", Path.Combine(_folder, "goals.yaml"), "--data", _folder, .. extra]);

    [Fact]
    public void Json_NamesTheWeek_CountsItsDays_PhasesTheLevelByItsSunday()
    {
        var result = Evaluate("--period", "2026-W12", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2026-W12", json.RootElement.GetProperty("period").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("goal").GetString(), r.GetProperty("unit").GetString()));
        Assert.Equal(2 * 3, results.Count);
        // Meetings 16–22 March: anna a1–a3 = 3 (met), bo a6 = 1 (a5 was the Sunday before), the team 4.
        Assert.Equal(3, results[("meetings", "anna")].GetProperty("value").GetDouble());
        Assert.Equal("met", results[("meetings", "anna")].GetProperty("status").GetString());
        Assert.Equal(1, results[("meetings", "bo")].GetProperty("value").GetDouble());
        Assert.Equal("not_met", results[("meetings", "bo")].GetProperty("status").GetString());
        Assert.Equal(4, results[("meetings", "boss")].GetProperty("value").GetDouble());
        // Quotes 1 January – 22 March: q1, q3 = 2 for the team (q2 is of 2025); 73 × 81/365 = 16.2.
        var quotes = results[("quotes", "boss")];
        Assert.Equal(2, quotes.GetProperty("value").GetDouble());
        Assert.Equal(16.2, quotes.GetProperty("target").GetProperty("level").GetDouble(), 9);
        Assert.Equal(73, quotes.GetProperty("target").GetProperty("annual_level").GetDouble());
        Assert.False(quotes.GetProperty("scheduled").GetBoolean());   // no quarter ends in the week
    }

    [Fact]
    public void Table_IsHeadedByTheWeek()
    {
        var result = Evaluate("--period", "2026-W12", "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("outcomes for 2026-W12", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("on the board's agenda this week (a board quarter ends in it)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Customer meetings in the week", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Anna", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-W53", "the ISO year 2025 has 52 weeks, not 53")]
    [InlineData("2026-W54", "expected 2026-Q2, 2026-03, 2026 or 2026-W12")]
    [InlineData("2026-W5", "expected 2026-Q2, 2026-03, 2026 or 2026-W12")]
    public void BadWeek_IsRefusedWithAUsageError(string period, string phrase)
    {
        var result = Evaluate("--period", period);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(phrase, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfAWeek_IsRefused_TheBoardReportIsAQuarters()
    {
        var result = StyrkortProcess.Run("report", "--goals", Path.Combine(_folder, "goals.yaml"), "--data", _folder, "--period", "2026-W12",
            "--out", Path.Combine(_folder, "r.html"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'2026-W12' is not a quarter", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "r.html")));
    }
}
