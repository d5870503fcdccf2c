using System.Text;
using Styrkort.Cli;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Tests.Cli;

/// <summary>The segments' JSON, for key types the sample data cannot show (no numeric column reaches a metric there).</summary>
public sealed class JsonOutputTests
{
    private static readonly AppliedTarget NoTarget = new(TargetRuleKind.AtLeast, "goal_file", null, null, null, null, false);

    [Fact]
    public void Segments_KeepTheirKeysJsonType_AndWriteValuesAsTheTotalIs()
    {
        var evaluation = new Evaluation(Period.Parse("2026-Q2"), [new UnitInfo("hq", "HQ", null, 0)],
        [
            new Outcome("sales", "hq", new Quantity(1250.50m, null), null, Status.NoTarget, false, NoTarget),
            new Outcome("margin", "hq", new Quantity(null, 0.25), null, Status.NoTarget, false, NoTarget),
        ])
        {
            Breakdowns =
            [
                new GoalBreakdown("sales", "hq", "sales.year", [new Segment(2025L, new Quantity(1000m, null)), new Segment(null, new Quantity(250.50m, null))]),
                new GoalBreakdown("sales", "hq", "sales.rate", [new Segment(0.5m, new Quantity(1250.50m, null))]),
                new GoalBreakdown("margin", "hq", "sales.web", [new Segment(false, new Quantity(null, 0.2)), new Segment(true, null)]),
            ],
        };
        using var output = new MemoryStream();

        JsonOutput.Write(evaluation, output);

        // Written with ' for " to stay readable.
        var expected = (
            "{'period':'2026-Q2','results':[" +
            "{'goal':'sales','unit':'hq','value':1250.50,'comparison':null,'status':'no_target','scheduled':false,'target':{'rule':'at_least','source':'goal_file','level':null,'phased':false}," +
            "'breakdowns':[{'dimension':'sales.year','segments':[{'key':2025,'value':1000},{'key':null,'value':250.50}]},{'dimension':'sales.rate','segments':[{'key':0.5,'value':1250.50}]}]}," +
            "{'goal':'margin','unit':'hq','value':0.25,'comparison':null,'status':'no_target','scheduled':false,'target':{'rule':'at_least','source':'goal_file','level':null,'phased':false}," +
            "'breakdowns':[{'dimension':'sales.web','segments':[{'key':false,'value':0.2},{'key':true,'value':null}]}]}]}").Replace('\'', '"');

        Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void AResult_NamesTheGoalItServes_ItsOwnerAndDeadline_WhereSet()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-json-").FullName;
        try
        {
            var goals = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(goals, File.ReadAllText(StyrkortProcess.GoalFile).Replace("    metric: completed_efforts\n",
                "    metric: completed_efforts\n    serves: disbursed_loans\n    owner: Rådgivningschef\n    deadline: 2026-Q4\n", StringComparison.Ordinal));
            var file = Core.GoalFiles.GoalFileReader.Read(goals);
            var evaluation = new Evaluation(Period.Parse("2026-Q2"), [new UnitInfo("hq", "HQ", null, 0)],
            [
                new Outcome("completed_efforts", "hq", new Quantity(3m, null), null, Status.NoTarget, false, NoTarget),
                new Outcome("disbursed_loans", "hq", new Quantity(5m, null), null, Status.NoTarget, false, NoTarget),
            ]);
            using var output = new MemoryStream();

            JsonOutput.Write(evaluation, output, file);

            // 2026-Q4 is the deadline's last day; the goal served has none of the three and gets none of the fields.
            var expected = (
                "{'period':'2026-Q2','results':[" +
                "{'goal':'completed_efforts','unit':'hq','value':3,'comparison':null,'status':'no_target','scheduled':false,'target':{'rule':'at_least','source':'goal_file','level':null,'phased':false}," +
                "'serves':'disbursed_loans','owner':'R\\u00E5dgivningschef','deadline':'2026-12-31'}," +
                "{'goal':'disbursed_loans','unit':'hq','value':5,'comparison':null,'status':'no_target','scheduled':false,'target':{'rule':'at_least','source':'goal_file','level':null,'phased':false}}]}").Replace('\'', '"');
            Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
