using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.GoalFiles;

/// <summary>A goal file's errors all at once: each entry with an error is left out and the rest read and bound.</summary>
public sealed class GoalFileCheckTest
{
    internal static GoalFileCheck Check(string appended, bool withBase = true)
    {
        var path = Write(withBase ? Base + appended : appended);
        try
        {
            return GoalFileCheck.Run(path);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>(line, column, message) of every error and warning, in file order.</summary>
    internal static List<(int Line, int Column, string Message)> Found(GoalFileCheck check) =>
        check.Findings().Select(f => (f.Location.Line, f.Location.Column, (f.IsWarning ? "warning: " : "") + f.Message)).ToList();

    private const string SeveralErrors = """
        metrics:
          m: sum(loans.amount during ytd)
          misspelt: sum(loans.amout during ytd)
          elsewhere: sum(sales.amount during ytd)
          broken: {formula: count(loans), label: [a, b]}
          uses_broken: broken * 2
        goals:
          - id: g1
            name: Mål 1
            area: a
            type: Ä
            metric: m
            colour: red
            target: {rule: at_least, level: 1}
          - id: g2
            name: Mål 2
            area: a
            type: Ä
            metric: m
            target: {rule: at_least, levle: 1}
          - id: g3
            name: Mål 3
            area: a
            type: Ä
            metric: broken
            target: {rule: at_least, level: 1}

        """;

    [Fact]
    public void EveryErrorOfAFile_IsListed_InFileOrder_WithLineAndColumn()
    {
        var check = Check(SeveralErrors);

        Assert.Equal(
        [
            (Position(SeveralErrors, "amout").Line, Position(SeveralErrors, "amout").Column - 6,
                "dataset 'loans' has no column 'amout'; its columns: loan_id, org_nr, unit_id, disbursed_on, amount, phase"),
            (Position(SeveralErrors, "sum(sales").Line, Position(SeveralErrors, "sum(sales").Column,
                "cannot tell which dataset sum(…) reads; name a column (dataset.column) or add 'from dataset'"),
            (Position(SeveralErrors, "[a, b]").Line, Position(SeveralErrors, "[a, b]").Column, "expected a mapping (a name in Swedish and English)"),
            (Position(SeveralErrors, "colour").Line, Position(SeveralErrors, "colour").Column,
                "unknown key 'colour' in a goal; expected one of: id, name, description, area, type, metric, comparison, target, board, owner, unit, units, subunits, breakdown, serves, deadline"),
            (Position(SeveralErrors, "{rule: at_least, levle").Line, Position(SeveralErrors, "{rule: at_least, levle").Column,
                "rule at_least needs 'level': a number or 'board'"),
            (Position(SeveralErrors, "levle").Line, Position(SeveralErrors, "levle").Column,
                "unknown key 'levle' in the target of goal 'g2'; expected one of: rule, level, min, max, phasing, warning, bands, bands_on"),
        ], Found(check).Select(f => (f.Line, f.Column, f.Message)).ToList());
        // What uses the metric left out (the goal g3, the metric uses_broken) is not reported a second time.
        Assert.DoesNotContain(check.Errors, e => e.Reason.Contains("'broken'", StringComparison.Ordinal));
        // The rest was read: g1 (its unknown key left out) and g3 are goals; g2 was left out.
        Assert.Equal(["g1", "g3"], check.File!.Goals.Select(g => g.Id));
        Assert.Throws<Diagnostics.StyrkortException>(check.Accepted);
    }

    [Fact]
    public void TheFirstErrorThrown_IsTheOneThrownBefore_AndCarriesAllOfThem()
    {
        // The reader's first error (in the order read) stays the message of a refusal: callers and tests that show one
        // error see the same as when the reader stopped there.
        // Here the metric's label is read before the goals: it comes first. Reading alone finds four errors.
        var refusal = Refused(SeveralErrors);
        refusal.At(Position(SeveralErrors, "[a, b]"), "expected a mapping (a name in Swedish and English)");
        Assert.Equal(4, refusal.Error.Errors.Count);
    }

    [Fact]
    public void AYamlSyntaxError_IsReported_AndSaysNothingAfterItCanBeRead()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd)\n   n: count(loans)\ngoals: 3\n";
        var check = Check(yaml);

        var error = Assert.Single(check.Errors);
        Assert.StartsWith("not valid YAML: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(BaseLines + 3, error.Location.Line);
        var finding = Assert.Single(check.Findings());
        Assert.True(finding.StopsReading);
        Assert.Null(check.File);
    }

    [Fact]
    public void AFileWithoutUnits_SaysSo_AndNothingIsBound()
    {
        var check = Check("organisation: X\nmetrics:\n  m: count(nothing)\n", withBase: false);
        Assert.Equal([(1, 1, "the goal file needs a 'units' section naming the unit tree's dataset")], Found(check));
    }

    [Fact]
    public void ADatasetWithAnError_IsLeftOut_AndItsUsesAreNotReportedAgain()
    {
        const string yaml = """
            datasets:
              sales:
                key: [id]
                unit: unit_id
                columns:
                  id: text
                  unit_id: text
                  amount: money
            metrics:
              revenue: sum(sales.amount during ytd)
              deals: count(sales during ytd)

            """;
        // revenue and deals use sales, left out: only its own error is reported.
        var check = Check(MoveIntoDatasets(yaml), withBase: false);
        Assert.Equal(["unknown column type 'money'; expected one of: text, code, integer, decimal, number, boolean, date, month, year"],
            check.Errors.Select(e => e.Reason));
        Assert.DoesNotContain("sales", check.File!.Datasets.Keys);
    }

    /// <summary>Base with the datasets of <paramref name="yaml"/> added to its datasets section and its other sections appended.</summary>
    private static string MoveIntoDatasets(string yaml)
    {
        var at = yaml.IndexOf("metrics:", StringComparison.Ordinal);
        var datasets = yaml[..at].Replace("datasets:\n", "", StringComparison.Ordinal);
        return Base.Replace("units: {dataset:", datasets + "units: {dataset:", StringComparison.Ordinal) + yaml[at..];
    }

    [Fact]
    public void APopulationNamingAnUnknownDataset_IsLeftOut_AndItsUsesAreNotReportedAgain()
    {
        const string yaml = "  firms:\n    entity: firm\n    region: region\nmetrics:\n  firm_count: count(firms)\n";
        var check = Check(yaml);
        Assert.Equal([(BaseLines + 1, 3, "population 'firms' names unknown dataset 'firm'; datasets: units, companies, financials, loans")], Found(check));
        Assert.DoesNotContain("firms", check.File!.Populations.Keys);
    }

    [Fact]
    public void AnIncludeThatIsNotFound_IsOneError_WhatItWouldHaveDefinedIsNotReported()
    {
        var yaml = "include: [kpis.yaml]\nmetrics:\n  m: sum(invoices.amount during ytd)\n  n: margin * 2\n";
        var check = Check(yaml);
        var at = Position(yaml, "kpis.yaml");
        Assert.Equal([(at.Line, at.Column, "included file 'kpis.yaml' not found")], Found(check));
    }

    private const string Structure = """
        metrics:
          m: count(loans during ytd)
        goals:
          - id: customers
            name: 50 nya kunder per år
            area: a
            type: Ä
            metric: m
            owner: Säljchef
            deadline: 2026-12-31
            target: {rule: at_least, level: 50}
          - id: meetings
            name: 100 kundmöten per månad
            area: a
            type: Ä
            metric: m
            serves: customers
            owner: Säljchef
            deadline: 2026-Q4
            target: {rule: at_least, level: 100}

        """;

    [Fact]
    public void Serves_Owner_AndDeadline_AreRead_AQuarterMeaningItsLastDay()
    {
        var check = Check(Structure);
        Assert.Empty(check.Findings());
        var meetings = check.File!.Goals[1];
        Assert.Equal("customers", meetings.Serves!.Id);
        Assert.Equal(Position(Structure, "customers\n    owner").Line, meetings.Serves.Location.Line);
        Assert.Equal(new DateOnly(2026, 12, 31), meetings.Deadline);
        Assert.Equal(new DateOnly(2026, 12, 31), check.File.Goals[0].Deadline);
        Assert.Equal("Säljchef", meetings.Owner);
        Assert.True(GoalStructure.IsStrategic(check.File, check.File.Goals[0]));
        Assert.True(GoalStructure.IsOperational(meetings));
        Assert.Equal([("customers", 0), ("meetings", 1)], GoalStructure.Tree(check.File).Select(t => (t.Goal.Id, t.Depth)));
    }

    [Theory]
    [InlineData("2026-02-30", "expected a deadline as a date (2026-12-31) or a period whose last day it is (2026-Q4, 2026-12, 2026), found '2026-02-30'")]
    [InlineData("Q4", "found 'Q4'")]
    public void ABadDeadline_IsAnError_WhereItIs(string deadline, string phrase)
    {
        var yaml = Structure.Replace("deadline: 2026-Q4", "deadline: " + deadline, StringComparison.Ordinal);
        Refused(yaml).At(Position(yaml, "deadline: " + deadline).Line, Position(yaml, "deadline: " + deadline).Column + 10, phrase);
    }

    [Fact]
    public void ServingAnUnknownGoal_IsAnError_AtTheServes()
    {
        var yaml = Structure.Replace("serves: customers", "serves: customer", StringComparison.Ordinal);
        var at = Position(yaml, "customer\n");
        Assert.Equal([(at.Line, at.Column, "goal 'meetings' serves unknown goal 'customer'; goals: customers, meetings")], Found(Check(yaml)));
    }

    [Fact]
    public void AGoalServingItself_IsAnError_AtTheServes()
    {
        var yaml = Structure.Replace("serves: customers", "serves: meetings", StringComparison.Ordinal);
        var at = Position(yaml, "meetings\n    owner");
        Assert.Equal([(at.Line, at.Column, "goal 'meetings' serves itself; 'serves' names the strategic goal this goal contributes to")], Found(Check(yaml)));
    }

    [Fact]
    public void GoalsServingEachOtherInACircle_AreOneError_AtTheFirstGoalsServes()
    {
        // customers → meetings → calls → customers: reported once, where the first of them in the file says 'serves'.
        var yaml = Structure.Replace("    owner: Säljchef\n    deadline: 2026-12-31", "    serves: meetings\n    owner: Säljchef\n    deadline: 2026-12-31", StringComparison.Ordinal)
            .Replace("serves: customers", "serves: calls", StringComparison.Ordinal) + """
              - id: calls
                name: Samtal
                area: a
                type: Ä
                metric: m
                serves: customers
                owner: Säljare
                deadline: 2026-Q1
                target: {rule: at_least, level: 10}

            """;
        var at = Position(yaml, "meetings\n    owner");
        Assert.Equal([(at.Line, at.Column, "goals serve each other in a circle: customers → meetings → calls → customers; an operational goal serves a strategic goal, which serves none of them")],
            Found(Check(yaml)));
    }

    [Fact]
    public void AGoalWithoutOwnerOrDeadline_IsWarned_AtTheGoal_OnceTheFileUsesServes()
    {
        var yaml = Structure.Replace("    owner: Säljchef\n    deadline: 2026-Q4\n", "", StringComparison.Ordinal);
        var at = Position(yaml, "id: meetings");
        var check = Check(yaml);
        Assert.Empty(check.Errors);
        Assert.Equal(
        [
            (at.Line, at.Column, "warning: goal 'meetings' has no owner; name the person or role who answers for it (owner: …)"),
            (at.Line, at.Column, "warning: goal 'meetings' has no deadline; say by when it is to be met (deadline: 2026-12-31, or a period such as 2026-Q4)"),
        ], Found(check));
        check.Accepted();
    }

    [Fact]
    public void AFileWithoutServes_GetsNoStructureWarnings()
    {
        // The Almi sample's way: goals side by side, none with owner or deadline, one only better than a comparison.
        var yaml = Structure.Replace("    serves: customers\n", "", StringComparison.Ordinal)
            .Replace("    owner: Säljchef\n", "", StringComparison.Ordinal)
            .Replace("    deadline: 2026-Q4\n", "", StringComparison.Ordinal)
            .Replace("target: {rule: at_least, level: 100}", "target: {rule: above_comparison}\n    comparison: m", StringComparison.Ordinal);
        Assert.Empty(Check(yaml).Findings());
    }

    [Fact]
    public void AGoalOnlyBetterThanAComparison_HasNoMeasurableTarget()
    {
        var yaml = Structure.Replace("target: {rule: at_least, level: 100}", "target: {rule: above_comparison}\n    comparison: m", StringComparison.Ordinal);
        var at = Position(yaml, "id: meetings");
        Assert.Equal([(at.Line, at.Column, "warning: goal 'meetings' has no measurable target: rule above_comparison says which way, not how much; give a level (at_least, at_most, between, exactly)")],
            Found(Check(yaml)));
    }

    /// <summary>A goal serving <paramref name="serves"/>, with owner and deadline.</summary>
    private static string Goal(string id, string serves, string owner = "Säljchef", string deadline = "2026-Q4") => $"""
          - id: {id}
            name: {id}
            area: a
            type: Ä
            metric: m
            serves: {serves}
            owner: {owner}
            deadline: {deadline}
            target: {"{"}rule: at_least, level: 1{"}"}

        """;

    [Fact]
    public void MoreThanFiveStrategicGoals_IsWarned_AtTheSixth()
    {
        // Six strategic goals (s1–s6), each served by one operational goal: one warning, at s6; five give none.
        var yaml = Structure + string.Concat(Enumerable.Range(1, 6).Select(i => Goal($"s{i}", "customers") + Goal($"o{i}", $"s{i}", deadline: $"2026-Q{(i % 4) + 1}")));
        var at = Position(yaml, "id: s6");
        var warnings = Found(Check(yaml)).Where(f => f.Message.Contains("strategic goal number", StringComparison.Ordinal)).ToList();
        // customers, s1…s6 are strategic (7): the sixth in file order is s5.
        at = Position(yaml, "id: s5");
        Assert.Equal([(at.Line, at.Column, "warning: goal 's5' is strategic goal number 6 of 7; more than 5 strategic goals take away focus (a strategy names 1–3)")], warnings);

        var five = Structure + string.Concat(Enumerable.Range(1, 4).Select(i => Goal($"s{i}", "customers") + Goal($"o{i}", $"s{i}", deadline: $"2026-Q{(i % 4) + 1}")));
        Assert.DoesNotContain(Found(Check(five)), f => f.Message.Contains("strategic goal number", StringComparison.Ordinal));
    }

    [Fact]
    public void MoreThanFiveOperationalGoalsPerOwnerInAQuarter_IsWarned_AtTheSixth()
    {
        // Säljchef owns meetings (2026-Q4) and o1–o5 due in 2026-Q4: six in one quarter; Anna's six are spread over two.
        var yaml = Structure
            + string.Concat(Enumerable.Range(1, 5).Select(i => Goal($"o{i}", "customers", deadline: $"2026-{9 + i % 3:00}-15".Replace("2026-09", "2026-12", StringComparison.Ordinal))))
            + string.Concat(Enumerable.Range(1, 6).Select(i => Goal($"a{i}", "customers", owner: "Anna", deadline: i <= 3 ? "2026-03-31" : "2026-04-01")));
        var at = Position(yaml, "id: o5");
        var check = Check(yaml);
        Assert.Empty(check.Errors);
        Assert.Equal([(at.Line, at.Column, "warning: owner 'Säljchef' has 6 operational goals due in 2026-Q4 ('o5' is number 6); more than 5 per owner and quarter overload")], Found(check));
    }
}
