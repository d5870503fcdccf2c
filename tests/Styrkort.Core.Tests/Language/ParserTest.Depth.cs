using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Language;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;
using static Styrkort.Core.Tests.Safety.GoalFileLimitTests;

namespace Styrkort.Core.Tests.Language;

/// <summary>
/// The parser refuses a formula nested deeper than <see cref="Limits.FormulaDepth"/>, at the character where it goes too
/// deep, so that no later stage can overflow the stack. In process: a missing check kills the test host.
/// </summary>
public sealed partial class ParserTest
{
    private const int Column = 6; // "  m: " precedes the formula

    [Fact]
    public void Depth_20000NestedParentheses_IsRefusedAtTheFirstTooDeep()
    {
        var formula = Repeat("(", 20_000) + "1" + Repeat(")", 20_000);
        var yaml = $"metrics:\n  m: {formula}\n";
        // At what follows the parenthesis that opens level FormulaDepth + 1 (the formula itself is level 1).
        Refused(yaml).At(BaseLines + 2, Column + Limits.FormulaDepth, $"the formula nests more than {Limits.FormulaDepth} levels deep");
    }

    [Fact]
    public void Depth_20000UnaryMinus_IsRefused()
    {
        var yaml = $"metrics:\n  m: {Repeat("-", 20_000)}sum(loans.amount during ytd)\n";
        Refused(yaml).At(BaseLines + 2, Column + Limits.FormulaDepth - 1, "nests more than");
    }

    [Fact]
    public void Depth_NotChain_IsRefused()
    {
        var yaml = $"metrics:\n  m: count(loans where {Repeat("not ", 20_000)}true during ytd)\n";
        Refused(yaml).At(BaseLines + 2, Column + "count(loans where ".Length + 4 * (Limits.FormulaDepth - 2), "nests more than");
    }

    [Fact]
    public void Depth_NestedCalls_AreRefused()
    {
        var yaml = $"metrics:\n  m: {Repeat("abs(", 15_000)}1{Repeat(")", 15_000)}\n";
        Assert.Contains("nests more than", Refused(yaml).Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_LongOperatorChain_IsRefused_ThoughTheParserLoops()
    {
        // 1 + 1 + … is parsed by a loop but is a tree 20 000 deep, along which the compiler and the renderer recurse.
        var yaml = $"metrics:\n  m: 1{Repeat(" + 1", 20_000)}\n";
        Assert.Contains("nests more than", Refused(yaml).Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_AtTheLimit_IsParsedAndCompiled()
    {
        var depth = Limits.FormulaDepth - 3; // the sum, its argument and the window take three levels
        var yaml = $"metrics:\n  m: {Repeat("-(", depth / 2)}sum(loans.amount during ytd){Repeat(")", depth / 2)}\n";
        Read(yaml);
        var chain = $"metrics:\n  m: 1{Repeat(" + 1", Limits.FormulaDepth - 1)}\n";
        Read(chain);
    }

    [Fact]
    public void Length_PastTheLimit_IsRefused()
    {
        var error = Assert.Throws<StyrkortException>(() =>
            Parser.Parse("1" + Repeat(" ", Limits.FormulaChars), offset => new SourceLocation("f.yaml", 1, offset + 1)));
        Assert.Contains($"a formula has at most {Limits.FormulaChars}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_FunctionsExpandedInsideEachOther_DoNotOverflow()
    {
        // Each function body is shallow, but 30 of them inside each other, each called with a deep argument.
        var functions = string.Join("", Enumerable.Range(1, 30).Select(i => $"  f{i}(x): f{i + 1}({Repeat("-(", 45)}x{Repeat(")", 45)})\n"));
        var text = Base.Replace("functions:\n", "functions:\n" + functions + "  f31(x): x\n", StringComparison.Ordinal) + "metrics:\n  m: f1(sum(loans.amount during ytd))\n";
        var path = Path.Combine(Directory.CreateTempSubdirectory("styrkort-deep-").FullName, "goals.yaml");
        try
        {
            File.WriteAllText(path, text);
            var file = Core.GoalFiles.GoalFileReader.Read(path);
            // Either compiled (the stack suffices) or refused with a located error: never a crash.
            try { MetricCompiler.CheckAll(file); }
            catch (StyrkortException e) { Assert.Contains("nests too deeply", e.Reason, StringComparison.Ordinal); }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
