using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.Targets;

/// <summary>
/// Goals for some units only, and levels per period from a dataset: a monthly budget against monthly actuals, a quarter
/// as the sum of its months, a year's level phased — on both engines.
/// </summary>
public abstract class BudgetAndUnitsTests(Engine engine)
{
    private SalesData Data() => new SalesData(engine)
        .Sales("s1,anna,2026-01-10,90", "s2,anna,2026-02-05,100", "s3,anna,2026-03-01,160", "s4,bo,2026-01-15,60", "s5,marketing,2026-01-20,999")
        .Budget(
            "sold_vs_budget,anna,2026-01,100", "sold_vs_budget,anna,2026-02,100", "sold_vs_budget,anna,2026-03,200",
            "sold_vs_budget,bo,2026-01,50", "sold_vs_budget,bo,2026-02,50",          // no March: bo's Q1 has no level
            "average_sale,bo,2026-02,40",
            "sold_yearly,sales,2026,1200");

    [Fact]
    public void Units_TheGoalIsFollowedInTheUnitsAndTheirSubtrees_OthersHaveNoResult()
    {
        using var data = Data();
        var jan = data.Evaluate("2026-01")[0];

        Assert.Equal(["anna", "bo", "sales"], jan.Keys.Where(k => k.Goal == "sold_vs_budget").Select(k => k.Unit).Order(StringComparer.Ordinal));
        Assert.Equal(["bo"], jan.Keys.Where(k => k.Goal == "average_sale").Select(k => k.Unit));
        // Marketing's 999 is no one's: not a result "0, not met" for the company or for marketing.
        Assert.DoesNotContain(("sold_vs_budget", "marketing"), jan.Keys);
        Assert.DoesNotContain(("sold_vs_budget", "company"), jan.Keys);
    }

    [Fact]
    public void Subunits_False_TheGoalIsFollowedInTheNamedUnitsOnly()
    {
        // units: [sales] with subunits: false: the department's own result, not one for anna and bo below it.
        using var data = new SalesData(engine, SalesData.Goals.Replace("units: [sales]", "units: [sales, company]\n    subunits: false", StringComparison.Ordinal));
        var jan = data.Evaluate("2026-01")[0];
        Assert.Equal(["company", "sales"], jan.Keys.Where(k => k.Goal == "sold_vs_budget").Select(k => k.Unit).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Subunits_WithoutUnits_IsAnErrorAtTheKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"styrkort-subunits-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, SalesData.Head + SalesData.Goals.Replace("units: [bo]", "subunits: false", StringComparison.Ordinal));
        try
        {
            var e = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(path));
            Assert.Contains("goal 'average_sale': 'subunits' says whether the units named in 'units' bring their subtrees", e.Reason, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Units_AnIdNotInTheUnitTree_IsAnErrorAtTheId()
    {
        using var data = new SalesData(engine, SalesData.Goals.Replace("units: [bo]", "units: [bo, nobody]", StringComparison.Ordinal));
        var (file, store) = data.Import();
        using (store)
        {
            var e = Assert.Throws<StyrkortException>(() => new Evaluator(file, store).Evaluate(Styrkort.Core.Periods.Period.Parse("2026-01")));
            Assert.Equal(data.GoalFilePath, e.Location.File);
            var lines = File.ReadAllLines(data.GoalFilePath);
            var line = Array.FindIndex(lines, l => l.Contains("units: [bo, nobody]", StringComparison.Ordinal));
            Assert.Equal((line + 1, lines[line].IndexOf("nobody", StringComparison.Ordinal) + 1), (e.Location.Line, e.Location.Column));
            Assert.Contains("goal 'average_sale' is followed in unit 'nobody', which the imported unit tree does not hold", e.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MonthlyBudget_AgainstMonthlyActuals_WithBands()
    {
        using var data = Data();
        var r = data.Evaluate("2026-01", "2026-02", "2026-03");

        // Anna, January: 90 against 100 → 100 × 90 / 100 = 90 → not met, and exactly 90 falls in the band from 90.
        Assert.Equal((90m, 100m, Status.NotMet, "Delbonus"), Judged(r[0][("sold_vs_budget", "anna")]));
        // February: 100 against 100 → met, exactly 100 → full bonus.
        Assert.Equal((100m, 100m, Status.Met, "Full bonus"), Judged(r[1][("sold_vs_budget", "anna")]));
        // March: 160 against 200 → 80.
        Assert.Equal((160m, 200m, Status.NotMet, "Ingen bonus"), Judged(r[2][("sold_vs_budget", "anna")]));
        // Bo, January: 60 against 50 → 120.
        Assert.Equal((60m, 50m, Status.Met, "Full bonus"), Judged(r[0][("sold_vs_budget", "bo")]));
        Assert.Equal("budget", r[0][("sold_vs_budget", "bo")].Target.Source);
        Assert.False(r[0][("sold_vs_budget", "bo")].Target.Phased);
    }

    [Fact]
    public void BudgetMonthWithoutActuals_ASumOfNothingIsJudged_AnEmptyMetricIsNoData()
    {
        using var data = Data();
        var feb = data.Evaluate("2026-02")[0];

        // Bo sold nothing in February: sum of nothing = 0 against 50 → not met, 0 % → no bonus.
        Assert.Equal((0m, 50m, Status.NotMet, "Ingen bonus"), Judged(feb[("sold_vs_budget", "bo")]));
        // The mean of nothing has no value: no_data, though the budget has a level (40).
        var average = feb[("average_sale", "bo")];
        Assert.Null(average.Value);
        Assert.Equal((Status.NoData, 40m), (average.Status, average.Target.Level));
        Assert.Null(average.Band);
        // March: no budget row for bo → no_target; the value is still shown.
        var march = data.Evaluate("2026-03")[0][("sold_vs_budget", "bo")];
        Assert.Equal((0m, (decimal?)null, Status.NoTarget), (march.Value!.Value.Exact, march.Target.Level, march.Status));
    }

    [Fact]
    public void Quarter_WithPhasingSum_TheSumOfItsMonths_AMissingMonthIsNoTarget()
    {
        using var data = Data();
        var q1 = data.Evaluate("2026-Q1")[0];

        // Anna: 90 + 100 + 160 = 350 against 100 + 100 + 200 = 400 → 87.5 → no bonus.
        Assert.Equal((350m, 400m, Status.NotMet, "Ingen bonus"), Judged(q1[("sold_vs_budget", "anna")]));
        // Bo has no March row: no level for Q1 (not 100, not a level phased from something else).
        Assert.Equal(Status.NoTarget, q1[("sold_vs_budget", "bo")].Status);
        Assert.Null(q1[("sold_vs_budget", "bo")].Target.Level);
        // The team has no rows of its own (its members' do not add up to it): no_target.
        Assert.Equal(Status.NoTarget, q1[("sold_vs_budget", "sales")].Status);
        // Q2: no months at all.
        Assert.Equal(Status.NoTarget, data.Evaluate("2026-Q2")[0][("sold_vs_budget", "anna")].Status);
    }

    [Fact]
    public void YearRow_PhasedLinearly_ForAMonthAndAQuarter()
    {
        using var data = Data();
        var r = data.Evaluate("2026-03", "2026-Q1", "2026");

        // The team's year 1200; March: 1200 × 3/12 = 300 against 160 (anna) + 0 (bo) = 160; Q1: 300 against 350 + 60 = 410.
        var march = r[0][("sold_yearly", "sales")];
        Assert.Equal((160m, 300m, 1200m, true, Status.NotMet), (march.Value!.Value.Exact, march.Target.Level, march.Target.AnnualLevel, march.Target.Phased, march.Status));
        Assert.Equal((410m, 300m, Status.Met), (r[1][("sold_yearly", "sales")].Value!.Value.Exact, r[1][("sold_yearly", "sales")].Target.Level, r[1][("sold_yearly", "sales")].Status));
        // The year itself: its own row, 1200 (× 12/12).
        var year = r[2][("sold_yearly", "sales")];
        Assert.Equal((410m, 1200m, 1200m, Status.NotMet), (year.Value!.Value.Exact, year.Target.Level, year.Target.AnnualLevel, year.Status));
    }

    [Fact]
    public void BadPeriodText_IsRefusedAtImport_WithFileAndLine()
    {
        using var data = new SalesData(engine).Budget("sold_vs_budget,anna,2026-01,100", "sold_vs_budget,anna,2026-13,100");
        var e = Assert.Throws<InputErrorsException>(() => data.Import().Store.Dispose());
        var error = Assert.Single(e.Errors);
        // The header is line 1, 2026-01 line 2, 2026-13 line 3.
        Assert.Equal(("budget.csv", 3), (Path.GetFileName(error.Location.File), error.Location.Line));
        Assert.Contains("period", error.Message, StringComparison.Ordinal);
    }

    private static (decimal? Value, decimal? Level, Status Status, string? Band) Judged(Outcome o) =>
        (o.Value?.Exact, o.Target.Level, o.Status, o.Band?.Swedish);
}

public sealed class BudgetAndUnitsTestsOnDuckDb() : BudgetAndUnitsTests(DuckDbEngine.Instance);

public sealed class BudgetAndUnitsTestsOnPostgres(PostgresEngine engine) : BudgetAndUnitsTests(engine), IClassFixture<PostgresEngine>;
