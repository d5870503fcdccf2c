using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.GoalFiles;

/// <summary>Errors in the shape of a goal file (outside formulas): each names the file, line and column.</summary>
public sealed class GoalFileReaderTest
{
    private const string Goal = """
        metrics:
          m: sum(loans.amount during ytd)
        goals:
          - id: g
            name: {sv: Mål, en: Goal}
            area: a
            type: Ä
            metric: m

        """;

    [Fact]
    public void Read_BaseIsValid()
    {
        var file = Read("");
        Assert.Equal("Test", file.Organisation);
        Assert.Equal(["units", "companies", "financials", "loans"], file.Datasets.Keys);
        Assert.Equal(["customers", "regional"], file.Populations.Keys);
    }

    [Fact]
    public void Read_UnknownTopLevelKey()
    {
        const string yaml = "metricz:\n  m: sum(loans.amount during ytd)\n";
        Refused(yaml).At(BaseLines + 1, 1, "unknown key 'metricz' in the goal file; expected one of: organisation, include, parameters");
    }

    [Fact]
    public void Read_ACommaInAOneLineMapping_IsNamedWithAHintToQuote()
    {
        var yaml = Goal.Replace("name: {sv: Mål, en: Goal}", "name: {sv: Mål, delmål, en: Goal}", StringComparison.Ordinal) +
                   "    target: {rule: at_least, level: 1}\n";
        var refusal = Refused(yaml);
        refusal.At(Position(yaml, "delmål"), "unknown key 'delmål' in");
        refusal.At(Position(yaml, "delmål"), "a comma separates entries: put a text that holds a comma in quotes");
        // A key that is simply wrong, with its value, gets no such hint.
        Assert.DoesNotContain("comma", Refused("metricz: {m: x}\n").Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownColumnType()
    {
        const string yaml = """
            datasets:
              units:
                key: [unit_id]
                columns:
                  unit_id: text
                  parent_id: {type: txt, nullable: true}
            units: {dataset: units, id: unit_id, parent: parent_id}
            """;
        Refused(yaml, withBase: false).At(6, 25, "unknown column type 'txt'; expected one of: text, code, integer, decimal, number, boolean, date, month, year");
        Refused(yaml.Replace("unit_id: text", "unit_id: texts", StringComparison.Ordinal), withBase: false).At(5, 16, "unknown column type 'texts'");
    }

    [Theory]
    [InlineData("      gender: {type: code, nullable: true}", 15, "column 'gender' of type code needs 'values', the allowed codes in order")]
    [InlineData("      day: {type: date, values: [a]}", 12, "column 'day': 'values' is only for type code")]
    [InlineData("      code: {type: text, pattern: '[0-9'}", 35, "not a valid regular expression")]
    [InlineData("      n: {type: integer, minimum: 0}", 26, "unknown key 'minimum' in column 'n'; expected one of: type, nullable, values, pattern, min, max, references")]
    [InlineData("      n: {type: integer, min: zero}", 31, "expected a number with '.' as decimal point, found 'zero'")]
    [InlineData("      n: {type: integer, nullable: yes}", 36, "expected true or false, found 'yes'")]
    [InlineData("      2nd: text", 7, "'2nd' is not a valid column name")]
    public void Read_BadColumn(string line, int column, string phrase)
    {
        var yaml = "datasets:\n  units:\n    key: [unit_id]\n    columns:\n      unit_id: text\n      parent_id: {type: text, nullable: true}\n" +
                   line + "\nunits: {dataset: units, id: unit_id, parent: parent_id}\n";
        Refused(yaml, withBase: false).At(7, column, phrase);
    }

    [Theory]
    [InlineData("    time: unit_id", "dataset 'units': time column 'unit_id' must be of type date, month or year")]
    [InlineData("    unit: unit", "dataset 'units': unit column 'unit' is not among its columns (unit_id, parent_id)")]
    public void Read_BadDatasetRole(string line, string phrase)
    {
        // A complaint about the whole dataset points at the start of its mapping.
        var yaml = "datasets:\n  units:\n    key: [unit_id]\n" + line +
                   "\n    columns:\n      unit_id: text\n      parent_id: {type: text, nullable: true}\nunits: {dataset: units, id: unit_id, parent: parent_id}\n";
        Refused(yaml, withBase: false).At(3, 5, phrase);
    }

    [Fact]
    public void Read_UnknownDatasetInPopulation()
    {
        const string yaml = "  firms:\n    entity: firm\n    region: region\n";
        Refused(yaml).At(BaseLines + 1, 3, "population 'firms' names unknown dataset 'firm'; datasets: units, companies, financials, loans");
    }

    [Fact]
    public void Read_UnknownMemberDatasetInPopulation()
    {
        const string yaml = "  buyers:\n    entity: companies\n    members:\n      - {from: loan, time: disbursed_on}\n";
        Refused(yaml).At(Position(yaml, "{from: loan"), "population 'buyers' names unknown dataset 'loan'");
    }

    [Fact]
    public void Read_PopulationNeedsMembersOrRegion()
    {
        const string yaml = "  everyone:\n    entity: companies\n";
        Refused(yaml).At(BaseLines + 2, 5, "needs exactly one of 'members'");
    }

    [Fact]
    public void Read_UnknownMetricInGoal()
    {
        var yaml = Goal.Replace("metric: m", "metric: n", StringComparison.Ordinal) + "    target: {rule: at_least, level: 1}\n";
        // A goal's complaints point at the goal: the first key of its list item.
        Refused(yaml).At(Position(yaml, "id: g"), "goal 'g': unknown metric 'n'; defined metrics: m");
    }

    [Theory]
    [InlineData("    target: {rule: more_than, level: 1}\n", "more_than", "unknown target rule 'more_than'; expected one of: at_least, at_most, between, exactly")]
    [InlineData("    target: {rule: at_least}\n", "{rule: at_least}", "rule at_least needs 'level': a number or 'board'")]
    [InlineData("    target: {rule: between, min: 4, max: 2}\n", "{rule: between", "rule between needs 'min' and 'max' with min ≤ max")]
    [InlineData("    target: {rule: above_comparison, level: 2}\n", "{rule: above", "rule above_comparison takes no 'level'")]
    [InlineData("    target: {rule: at_least, level: 1, phasing: quarterly}\n", "quarterly", "expected phasing: linear or none")]
    [InlineData("    target: {rule: at_least, level: 1}\n    board: [Q2, Q5]\n", "Q5", "expected a quarter Q1–Q4, found 'Q5'")]
    [InlineData("    target: {rule: at_least, level: board}\n", "Ä", "takes its level from the board ('level: board') but is of type Ä; use type S")]
    public void Read_BadGoal(string lines, string marker, string phrase)
    {
        var yaml = Goal + lines;
        Refused(yaml).At(Position(yaml, marker), phrase);
    }

    [Theory]
    [InlineData("    target: {rule: above_comparison}\n", "rule AboveComparison needs 'comparison', a metric")]
    [InlineData("    target: {rule: at_least, level: 1}\n    comparison: k\n", "unknown comparison metric 'k'")]
    [InlineData("    target: {rule: at_least, level: 1}\nareas:\n  - {id: b, name: B}\n", "goal 'g': unknown area 'a'; areas: b")]
    public void Read_GoalNamesWhatIsNotThere(string lines, string phrase)
    {
        var yaml = Goal + lines;
        Refused(yaml).At(Position(yaml, "id: g"), phrase);
    }

    [Fact]
    public void Read_BoardLevelNeedsTargetLevels()
    {
        var yaml = Goal.Replace("type: Ä", "type: S", StringComparison.Ordinal) + "    target: {rule: at_least, level: board}\n";
        Refused(yaml).At(Position(yaml, "id: g"), "takes its level from the board, but the goal file has no 'target_levels' section");
    }

    [Fact]
    public void Read_YamlSyntaxError()
    {
        const string yaml = "metrics:\n  m: sum(loans.amount during ytd)\n   n: 1\n";
        Refused(yaml).At(BaseLines + 3, 5, "not valid YAML");
    }

    [Fact]
    public void Read_NameDefinedTwice()
    {
        const string yaml = "metrics:\n  m: 1\n  M: 2\n";
        Refused(yaml).At(BaseLines + 3, 3, "'M' is defined twice");
    }

    [Fact]
    public void Read_IncludedFileErrorPointsIntoThatFile()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-include-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "library.yaml"), "functions:\n  half(x): x / 2\nmetrics:\n  broken: sum(loans.amount during ytdd)\n");
            File.WriteAllText(Path.Combine(folder, "goals.yaml"), "include: [library.yaml]\n" + Base + "metrics:\n  m: half(sum(loans.amount during ytd))\n");
            var error = Assert.Throws<StyrkortException>(() => MetricCompiler.CheckAll(GoalFileReader.Read(Path.Combine(folder, "goals.yaml"))));
            Assert.Equal(Path.Combine(folder, "library.yaml"), Path.GetFullPath(error.Location.File));
            Assert.Equal((4, 35), (error.Location.Line, error.Location.Column));
            Assert.Contains("unknown window 'ytdd'", error.Reason, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(folder, "library.yaml"), "functions:\n  half(x): x / 2\n");
            var file = GoalFileReader.Read(Path.Combine(folder, "goals.yaml"));
            MetricCompiler.CheckAll(file);
            Assert.Equal(["half", "growth"], file.Functions.Keys);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_MissingIncludedFile()
    {
        const string yaml = "include: [nowhere.yaml]\n";
        Refused(yaml).At(BaseLines + 1, 11, "included file 'nowhere.yaml' not found");
    }
}
