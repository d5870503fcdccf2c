using Styrkort.Core.Compilation;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Compilation;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Core.Tests.GoalFiles;

/// <summary>The bookshop example of docs/goal-file.md is a valid goal file and computes what the text says, on either engine.</summary>
public abstract class GoalFileDocTest(Engine engine)
{
    private static string Example()
    {
        var doc = File.ReadAllText(Path.Combine(SqlSnapshotTest.Root, "docs", "goal-file.md"));
        var marker = doc.IndexOf("<!-- example: bookshop -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "the bookshop example is marked in docs/goal-file.md");
        var start = doc.IndexOf("```yaml\n", marker, StringComparison.Ordinal) + "```yaml\n".Length;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Bookshop_IsEvaluatedPerShopAndForTheChain()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-bookshop-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "shops.yaml"), Example());
            File.WriteAllText(Path.Combine(folder, "shops.csv"), "shop_id,name,parent_id\nhq,Bokhandeln,\ncity,City,hq\nmall,Mall,hq\n");
            File.WriteAllText(Path.Combine(folder, "sales.csv"), """
                receipt_id,shop_id,sold_on,amount_incl_vat,channel
                r1,city,2026-02-28,1060,shop
                r2,city,2026-03-01,2120,shop
                r3,city,2026-03-31,1060,web
                r4,mall,2026-03-15,530,shop
                r5,mall,2026-04-01,530,web

                """);
            File.WriteAllText(Path.Combine(folder, "budget.csv"), "shop_id,month,amount\ncity,2026-03,2500\nmall,2026-03,600\ncity,2026-04,9999\n");
            var file = GoalFileReader.Read(Path.Combine(folder, "shops.yaml"));
            MetricCompiler.CheckAll(file);
            using var store = engine.Open();
            store.Import(file, folder, TimeProvider.System);

            var evaluation = new Evaluator(file, store).Evaluate(Period.Parse("2026-03"));
            string Outcome(string goal, string unit)
            {
                var o = evaluation.Outcomes.Single(x => x.Goal == goal && x.Unit == unit);
                return $"{Math.Round(o.Value!.Value.AsDouble, 2).ToString(System.Globalization.CultureInfo.InvariantCulture)} {o.Status}";
            }
            // March: city sells 3 180 incl. VAT (3 000 excl.) against 2 500, half of it on the web; the mall 500 against 600.
            Assert.Equal("120 Met", Outcome("sales_vs_budget", "city"));
            Assert.Equal("83.33 NotMet", Outcome("sales_vs_budget", "mall"));
            Assert.Equal("112.9 Met", Outcome("sales_vs_budget", "hq"));
            Assert.Equal("50 NotMet", Outcome("web_share", "city"));
            Assert.Equal("0 NotMet", Outcome("web_share", "mall"));
            Assert.Equal("33.33 Met", Outcome("web_share", "hq"));
            Assert.True(evaluation.Outcomes.All(o => o.Scheduled == (o.Goal == "sales_vs_budget")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class GoalFileDocTestOnDuckDb() : GoalFileDocTest(DuckDbEngine.Instance);

public sealed class GoalFileDocTestOnPostgres(PostgresEngine engine) : GoalFileDocTest(engine), IClassFixture<PostgresEngine>;
