using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// A sales team followed week by week: meetings in the week, quotes so far this year against a phased level, and
/// period.week (through a value), on both engines. 2026-W12 is Monday 16 – Sunday 22 March 2026.
/// </summary>
public abstract class WeeklyActivityTests(Engine engine)
{
    public const string GoalFile = """
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
        values:
          this_week: period.week        # read once per period: empty for a month
        metrics:
          meetings: count(activities where activities.kind = 'meeting' during period)
          quotes_ytd: count(activities where activities.kind = 'quote' during ytd)
          week_number: coalesce(this_week, 0)
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
        """;

    public const string Team = "person_id,name,parent_id\nboss,Säljchefen,\nanna,Anna,boss\nbo,Bo,boss\n";

    public const string Activities = """
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
        q4,anna,2026-02-10,quote
        d1,anna,2026-03-20,demo

        """;

    private (Evaluation.Evaluation Goals, IReadOnlyDictionary<string, Quantity> Weeks) Evaluate(string period)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-weeks-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "goals.yaml"), GoalFile);
            File.WriteAllText(Path.Combine(folder, "team.csv"), Team);
            File.WriteAllText(Path.Combine(folder, "activities.csv"), Activities);
            var file = GoalFileReader.Read(Path.Combine(folder, "goals.yaml"));
            MetricCompiler.CheckAll(file);
            using var store = engine.Open();
            store.Import(file, folder, TimeProvider.System);
            var evaluator = new Evaluator(file, store);
            var when = Period.Parse(period);
            return (evaluator.Evaluate(when), evaluator.Metrics(["week_number"], [when], CancellationToken.None)[0]["week_number"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Outcome Of(Evaluation.Evaluation e, string goal, string unit) => e.Outcomes.Single(o => o.Goal == goal && o.Unit == unit);

    [Fact]
    public void Week_CountsItsMondayToSunday_YtdToItsSunday_LevelPhasedByDays()
    {
        var (e, weeks) = Evaluate("2026-W12");

        // Meetings 16–22 March: anna a1, a2, a3 (a4 is the Monday after) = 3 ≥ 3; bo a6 (a5 is the Sunday before) = 1.
        Assert.Equal(3m, Of(e, "meetings", "anna").Value!.Value.Exact);
        Assert.Equal(Status.Met, Of(e, "meetings", "anna").Status);
        Assert.Equal(1m, Of(e, "meetings", "bo").Value!.Value.Exact);
        Assert.Equal(Status.NotMet, Of(e, "meetings", "bo").Status);
        Assert.Equal(4m, Of(e, "meetings", "boss").Value!.Value.Exact);
        // Quotes 1 January – 22 March: anna q1, q4 = 2 (q2 is of 2025); bo q3 = 1; the team 3.
        // Level 73 × 81/365 = 16.2 (22 March is day 31 + 28 + 22 = 81) → none met.
        Assert.Equal(2m, Of(e, "quotes", "anna").Value!.Value.Exact);
        Assert.Equal(3m, Of(e, "quotes", "boss").Value!.Value.Exact);
        Assert.Equal(16.2m, Of(e, "quotes", "boss").Target.Level);
        Assert.Equal(73m, Of(e, "quotes", "boss").Target.AnnualLevel);
        Assert.Equal(Status.NotMet, Of(e, "quotes", "boss").Status);
        // No quarter ends in 16–22 March.
        Assert.All(e.Outcomes, o => Assert.False(o.Scheduled));
        Assert.All(weeks.Values, w => Assert.Equal(12, w.AsDouble));
    }

    [Fact]
    public void Week_ThatHoldsAQuarterEnd_IsOnTheBoardsAgenda()
    {
        var (e, weeks) = Evaluate("2026-W14");   // 30 March – 5 April holds 31 March
        Assert.All(e.Outcomes, o => Assert.True(o.Scheduled));
        Assert.Equal(0m, Of(e, "meetings", "boss").Value!.Value.Exact);
        Assert.All(weeks.Values, w => Assert.Equal(14, w.AsDouble));
    }

    [Fact]
    public void PeriodWeek_IsEmptyForAMonth()
    {
        var (_, weeks) = Evaluate("2026-03");
        Assert.Equal(3, weeks.Count);
        Assert.All(weeks.Values, w => Assert.Equal(0, w.AsDouble));   // coalesce(this_week, 0)
    }
}

public sealed class WeeklyActivityTestsOnDuckDb() : WeeklyActivityTests(DuckDbEngine.Instance);

public sealed class WeeklyActivityTestsOnPostgres(PostgresEngine engine) : WeeklyActivityTests(engine), IClassFixture<PostgresEngine>;
