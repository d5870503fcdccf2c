using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Targets;

/// <summary>The goal keys units, bands, bands_on, warning and level: budget as read, and their errors with line and column.</summary>
public sealed class TargetKeysReaderTests
{
    private const string Goal = """
        parameters:
          floor: 90
          warn: 52
        metrics:
          m: sum(loans.amount during ytd)
        goals:
          - id: g
            name: G
            area: a
            type: Ä
            metric: m

        """;

    [Fact]
    public void Read_BandsWarningUnitsAndParameters()
    {
        var file = Read(Goal + """
                units: [north, south]
                target:
                  rule: at_least
                  level: 55
                  warning: warn
                  bands: [{below: floor, label: {sv: Ingen, en: None}}, {below: 100, label: Del}, {label: Full}]

            """);
        var goal = file.Goals[0];
        Assert.Equal(["north", "south"], goal.Units.Select(u => u.Id));
        Assert.Equal(52m, goal.Target.Warning);
        Assert.Equal([90m, 100m, null], goal.Target.Bands.Select(b => b.Below));
        Assert.Equal(["None", "Del", "Full"], goal.Target.Bands.Select(b => b.Label.English));
        Assert.Equal(BandsOn.Achievement, goal.Target.BandsOn);
    }

    [Fact]
    public void Read_UnitKey_IsRefusedWithWhatToWriteInstead()
    {
        var yaml = Goal + "    unit: north\n    target: {rule: at_least, level: 1}\n";
        Refused(yaml).At(Position(yaml, "north"), "write 'units: [id, …]' to follow it in some units only (with their subtrees), or give the metric a 'unit:'");
    }

    [Theory]
    [InlineData("{rule: at_least, level: 1, bands: [{below: 100, label: A}, {below: 90, label: B}, {label: C}]}", "90", "the bands' 'below' must increase: 90 follows 100")]
    [InlineData("{rule: at_least, level: 1, bands: [{below: 90, label: A}, {below: 90, label: B}, {label: C}]}", "90, label: B", "the bands' 'below' must increase: 90 follows 90")]
    [InlineData("{rule: at_least, level: 1, bands: [{below: 90, label: A}, {label: B}, {label: C}]}", "{label: B}", "every band but the last needs 'below'")]
    [InlineData("{rule: at_least, level: 1, bands: [{below: 90, label: A}, {below: 100, label: B}]}", "100", "the last band takes no 'below'")]
    [InlineData("{rule: between, min: 1, max: 2, bands: [{below: 90, label: A}, {label: B}]}", "[{below", "add 'bands_on: value'")]
    [InlineData("{rule: at_least, level: 1, bands_on: values, bands: [{below: 90, label: A}, {label: B}]}", "values", "expected bands_on: achievement")]
    [InlineData("{rule: at_least, level: 55, warning: 56}", "56", "the warning of an at_least target lies below its level (55)")]
    [InlineData("{rule: at_most, level: 3, warning: 3}", "3}", "the warning of an at_most target lies above its level (3)")]
    [InlineData("{rule: between, min: 1, max: 2, warning: 3}", "3}", "'warning' belongs to an at_least or at_most target, not to rule between")]
    [InlineData("{rule: at_least, level: flor}", "flor", "unknown parameter 'flor'; expected a number or a parameter; parameters: floor, warn")]
    [InlineData("{rule: at_least, level: 1, phasing: sum}", "sum", "phasing: sum adds the levels of target_levels; it needs 'level: budget' or 'level: board'")]
    [InlineData("{rule: at_least, level: budget}", "id: g", "takes its level from the budget ('level: budget'), but the goal file has no 'target_levels' section")]
    public void Read_BadTarget(string target, string marker, string phrase)
    {
        var yaml = Goal + $"    target: {target}\n";
        var refusal = Refused(yaml);
        if (marker == "id: g") refusal.At(Position(yaml, marker), phrase);
        else refusal.At(BaseLines + yaml.Count(c => c == '\n'), "    target: ".Length + target.IndexOf(marker, StringComparison.Ordinal) + 1, phrase);
    }
}
