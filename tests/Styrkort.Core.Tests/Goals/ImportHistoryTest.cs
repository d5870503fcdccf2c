namespace Styrkort.Core.Tests.Goals;

/// <summary>The import history names each dataset's file as the user knows it, not the temporary copy that was read.</summary>
public sealed class ImportHistoryTest
{
    [Fact]
    public void Import_RecordsTheGivenSourceNames_AndThePathOtherwise()
    {
        using var data = new AlmiData().Loans("L1,c1,north,2026-01-10,1,start");
        data.Write();
        using var warehouse = Warehouse.Warehouse.Open(null);
        var imported = warehouse.Import(AlmiData.GoalFile, data.Folder, TimeProvider.System,
            sourceNames: new Dictionary<string, string> { ["loans"] = "lån mars.csv" });

        var history = warehouse.LatestImports().ToDictionary(i => i.Dataset);
        Assert.Equal("lån mars.csv", history["loans"].File);
        Assert.Equal("lån mars.csv", imported.Single(i => i.Dataset == "loans").File);
        Assert.Equal(Path.Combine(data.Folder, "companies.csv"), history["companies"].File);
        Assert.Equal(1, history["loans"].Rows);
        Assert.Equal(history["loans"].Batch, history["companies"].Batch);
    }
}
