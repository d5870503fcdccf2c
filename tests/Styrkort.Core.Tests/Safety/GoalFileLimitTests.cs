using System.Text;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// A goal file past a limit (size, includes, nesting, formula depth) or with a control character is refused with
/// file, line and column. The deep ones run in this process: should a check be missing, the stack overflows and the
/// test host dies, which fails the run.
/// </summary>
public sealed class GoalFileLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void GoalFile_LargerThanOneMebibyte_IsRefused()
    {
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, Base + "# " + new string('x', (int)Limits.GoalFileBytes) + "\n");
        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(path));
        Assert.Contains($"a goal file holds at most {Limits.GoalFileBytes}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_MoreThanTheLimit_AreRefusedAtTheFirstOneTooMany()
    {
        var names = Enumerable.Range(1, Limits.Includes + 1).Select(i => $"part{i}.yaml").ToList();
        foreach (var name in names) File.WriteAllText(Path.Combine(_folder, name), "parameters: {}\n");
        var path = Path.Combine(_folder, "goals.yaml");
        var include = $"include: [{string.Join(", ", names)}]\n";
        File.WriteAllText(path, Base + include);

        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(path));

        Assert.Equal(Position(include, names[^1]), (error.Location.Line, error.Location.Column));
        Assert.Contains($"more than {Limits.Includes} included files", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_NestedDeeperThanTheLimit_AreRefused()
    {
        for (var i = 1; i <= Limits.IncludeDepth + 1; i++)
            File.WriteAllText(Path.Combine(_folder, $"level{i}.yaml"), $"include: [level{i + 1}.yaml]\n");
        File.WriteAllText(Path.Combine(_folder, $"level{Limits.IncludeDepth + 2}.yaml"), "parameters: {}\n");
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, Base + "include: [level1.yaml]\n");

        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(path));

        Assert.EndsWith($"level{Limits.IncludeDepth}.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Equal((1, 11), (error.Location.Line, error.Location.Column));
        Assert.Contains($"includes nest more than {Limits.IncludeDepth} deep", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_InACycle_AreReadOnce()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), "include: [b.yaml]\nfunctions:\n  fa(x): x\n");
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), "include: [a.yaml]\nfunctions:\n  fb(x): x\n");
        var path = Path.Combine(_folder, "goals.yaml");
        File.WriteAllText(path, Base + "include: [a.yaml]\n");
        Assert.Equal(["fb", "fa", "growth"], GoalFileReader.Read(path).Functions.Keys);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Yaml_Nested20000Deep_IsRefusedWithLineAndColumn(string open, string close)
    {
        var deep = "values:\n  v: " + Repeat(open, 20_000) + "1" + Repeat(close, 20_000) + "\n";
        if (open == "- ") deep = "values:\n  v:\n    " + Repeat(open, 20_000) + "1\n";
        var refusal = Refused(deep);
        Assert.Equal(BaseLines + (open == "- " ? 3 : 2), refusal.Location.Line);
        Assert.Contains($"nest more than {Limits.YamlDepth} deep", refusal.Error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\0")]
    [InlineData("\\x07")]
    [InlineData("\\e")]
    public void ControlCharacter_InAGoalFileText_IsRefused(string escape)
    {
        var yaml = $"areas:\n  - {{id: a, name: \"Tillv{escape}äxt\"}}\n";
        Refused(yaml).At(Position(yaml, "\"Tillv"), "is not allowed in a goal file's text");
    }

    [Theory]
    [InlineData("\\0", "U+0000")]
    [InlineData("\\x1b", "U+001B")]
    public void ControlCharacter_InAStringOfAFormula_IsRefusedAtTheCharacter(string escape, string shown)
    {
        var yaml = $"metrics:\n  m: \"count(loans where loans.loan_id = 'a{escape}b' during ytd)\"\n";
        Refused(yaml).At(Position(yaml, escape), $"the control character {shown} is not allowed in a string");
    }

    [Fact]
    public void ControlCharacter_OutsideAString_IsRefusedAtTheCharacter()
    {
        var yaml = "metrics:\n  m: \"sum(loans.amount during ytd) \\0\"\n";
        Refused(yaml).At(Position(yaml, "\\0"), "the control character U+0000 is not allowed in a formula");
    }

    [Theory]
    [InlineData("(?=a)b")]          // look-ahead: .NET knows it, RE2 does not
    [InlineData("(a)\\\\1")]        // a back-reference
    [InlineData("a(?<!b)")]         // look-behind
    public void Pattern_ThatDuckDbRefuses_IsRefusedWhenTheGoalFileIsRead(string pattern)
    {
        var yaml = "datasets:\n  units:\n    key: [unit_id]\n    columns:\n      unit_id: text\n      parent_id: {type: text, nullable: true}\n" +
                   $"      code: {{type: text, pattern: \"{pattern}\"}}\nunits: {{dataset: units, id: unit_id, parent: parent_id}}\n";
        Refused(yaml, withBase: false).At(Position(yaml, "\"" + pattern[..2], withBase: false), "not a regular expression the warehouse can use");
    }

    [Fact]
    public void Pattern_ThatBothAccept_IsKept()
    {
        var yaml = "datasets:\n  units:\n    key: [unit_id]\n    columns:\n      unit_id: {type: text, pattern: '[a-z]+(-[0-9]{2})?'}\n" +
                   "      parent_id: {type: text, nullable: true}\nunits: {dataset: units, id: unit_id, parent: parent_id}\n";
        Assert.Equal("[a-z]+(-[0-9]{2})?", Read(yaml, withBase: false).Datasets["units"].Columns[0].Pattern);
    }

    [Fact]
    public void Number_TooLargeForADecimal_IsALocatedError()
    {
        var yaml = "metrics:\n  m: sum(loans.amount during ytd) * 100000000000000000000000000000000000\n";
        Refused(yaml).At(Position(yaml, "1000000"), "the number is too large");
    }

    [Theory]
    [InlineData("rolling(1000000000)")]
    [InlineData("months(-100000, 0)")]
    public void Window_ReachingPastTheLimit_IsRefused(string window)
    {
        var yaml = $"metrics:\n  m: sum(loans.amount during {window})\n";
        Refused(yaml).At(Position(yaml, window.Contains('-', StringComparison.Ordinal) ? "-100000" : "1000000000"),
            $"a window reaches at most {Limits.WindowMonths} months");
    }

    internal static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
