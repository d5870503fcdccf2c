using System.Text.RegularExpressions;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Tests.SmbKpis;

/// <summary>docs/kpi-library.md says what samples/smb/goals.yaml computes: every metric of the goal file is in it, and a
/// metric or function it writes out has the goal file's formula (spacing aside).</summary>
public sealed partial class KpiLibraryDocTest
{
    [Fact]
    public void EveryMetricOfTheSample_IsInTheLibrary_WithTheSampleFormula()
    {
        var doc = File.ReadAllText(Path.Combine(Compilation.SqlSnapshotTest.Root, "docs", "kpi-library.md"));
        var flat = Flat(doc);
        var file = GoalFileReader.Read(SmbKpiData.GoalFilePath);
        // The goal file's own metrics, not the ratios of the included library (sie.md explains those).
        var own = file.Metrics.Values.Where(m => Path.GetFileName(m.Location.File) == "goals.yaml").ToList();
        Assert.True(own.Count > 25, "the sample's metrics are read");
        foreach (var metric in own)
        {
            Assert.True(Regex.IsMatch(doc, $@"\b{metric.Name}\b"), $"{metric.Name} is not in docs/kpi-library.md");
            if (Regex.IsMatch(doc, $@"(?m)^\s+{metric.Name}:"))
                Assert.True(flat.Contains(Flat(metric.Formula.Text), StringComparison.Ordinal), $"{metric.Name}: the library's formula is not the sample's");
        }
        foreach (var function in file.Functions.Values.Where(f => Path.GetFileName(f.Body.Location.File) == "goals.yaml"))
            Assert.True(flat.Contains(Flat(function.Body.Text), StringComparison.Ordinal), $"{function.Name}: the library's formula is not the sample's");
    }

    private static string Flat(string text) => Spaces().Replace(text, " ").Replace("( ", "(", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
