namespace Styrkort.Tests.Parity;

/// <summary>The bookshop example of docs/goal-file.md and the data its text computes (as tests/Styrkort.Core.Tests' GoalFileDocTest writes it).</summary>
internal static class Bookshop
{
    public static string GoalFile()
    {
        var doc = File.ReadAllText(Path.Combine(Cli.StyrkortProcess.RepoRoot, "docs", "goal-file.md"));
        var marker = doc.IndexOf("<!-- example: bookshop -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "the bookshop example is marked in docs/goal-file.md");
        var start = doc.IndexOf("```yaml\n", marker, StringComparison.Ordinal) + "```yaml\n".Length;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    public static void WriteData(string folder)
    {
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
    }
}
