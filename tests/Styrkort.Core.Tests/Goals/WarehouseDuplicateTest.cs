using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Tests.Goals;

/// <summary>A reader's connection to a warehouse file sees the last committed import, never one in progress.</summary>
public sealed class WarehouseDuplicateTest
{
    [Fact]
    public void ADuplicateOfAFileWarehouse_SeesCommits_AndNotAnImportInProgress()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-duplicate-").FullName;
        try
        {
            var goals = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(goals, """
                datasets:
                  units:
                    key: [unit_id]
                    columns: {unit_id: text, parent_id: {type: text, nullable: true}}
                units: {dataset: units, id: unit_id, parent: parent_id}
                """);
            var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
            File.WriteAllText(Path.Combine(data, "units.csv"), "unit_id,parent_id\nshop,\n");
            var file = GoalFileReader.Read(goals);
            using var writer = Core.Warehouse.Warehouse.Open(Path.Combine(folder, "w.duckdb"));
            using var reader = writer.Duplicate();
            Assert.False(reader.HasUnits);

            writer.Import(file, data, TimeProvider.System);
            Assert.Equal(["shop"], reader.UnitIds().Order());

            File.WriteAllText(Path.Combine(data, "units.csv"), "unit_id,parent_id\nshop,\nkiosk,shop\n");
            IReadOnlySet<string>? seenDuringImport = null;
            writer.Import(file, data, TimeProvider.System, beforeCommit: _ => seenDuringImport = reader.UnitIds());

            Assert.Equal(["shop"], seenDuringImport!.Order());
            Assert.Equal(["kiosk", "shop"], reader.UnitIds().Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
