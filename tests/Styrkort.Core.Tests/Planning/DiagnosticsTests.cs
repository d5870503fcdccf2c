using Styrkort.Core.Compilation;
using Styrkort.Core.GoalFiles;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Planning;

/// <summary>The binder reports every error of a goal file's formulas, each where it is written, not only the first.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void EveryFormulaError_IsReported_InTheOrderOfTheFile()
    {
        const string yaml = "metrics:\n  a: sum(loans.amout during ytd)\n  b: 1 + 'x'\n  c: count(loans during ytdd) + rate\n";
        var path = Write(Base + yaml);
        try
        {
            var errors = MetricCompiler.Diagnostics(GoalFileReader.Read(path));
            Assert.Equal(4, errors.Count);
            Assert.Contains("dataset 'loans' has no column 'amout'", errors[0].Reason, StringComparison.Ordinal);
            Assert.Contains("expected a number on the right of '+', found text", errors[1].Reason, StringComparison.Ordinal);
            Assert.Contains("unknown window 'ytdd'", errors[2].Reason, StringComparison.Ordinal);
            Assert.Contains("unknown name 'rate'", errors[3].Reason, StringComparison.Ordinal);
            Assert.All(errors, e => Assert.True(e.Location.Line > 0 && e.Location.Column > 0));
            Assert.Equal(Position(yaml, "loans.amout"), (errors[0].Location.Line, errors[0].Location.Column));
            Assert.Equal(Position(yaml, "rate"), (errors[3].Location.Line, errors[3].Location.Column));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void AnErrorInsideAFormula_DoesNotCascade()
    {
        // The unknown column makes the sum's argument unknown; nothing more is said about the sum or the division.
        const string yaml = "metrics:\n  a: sum(loans.amout during ytd) / count(loans during ytd)\n";
        var path = Write(Base + yaml);
        try
        {
            Assert.Single(MetricCompiler.Diagnostics(GoalFileReader.Read(path)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
