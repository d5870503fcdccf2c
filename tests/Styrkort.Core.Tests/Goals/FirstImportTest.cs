using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Tests.Goals;

public sealed class FirstImportTest
{
    [Fact]
    public void Import_IntoAnEmptyWarehouse_NamesEveryMissingFileAndLoadsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-first-").FullName;
        try
        {
            var goals = Path.Combine(folder, "goals.yaml");
            File.WriteAllText(goals, """
                datasets:
                  units:
                    key: [unit_id]
                    columns: {unit_id: text, parent_id: {type: text, nullable: true}}
                  sales:
                    unit: unit_id
                    columns: {unit_id: text, amount: decimal}
                  visits:
                    unit: unit_id
                    columns: {unit_id: text}
                units: {dataset: units, id: unit_id, parent: parent_id}
                """);
            File.WriteAllText(Path.Combine(folder, "units.csv"), "unit_id,parent_id\nshop,\n");
            using var warehouse = Core.Warehouse.Warehouse.Open(null);

            var error = Assert.Throws<StyrkortException>(() => warehouse.Import(GoalFileReader.Read(goals), folder, TimeProvider.System));

            Assert.Contains("missing sales.csv, visits.csv", error.Message, StringComparison.Ordinal);
            Assert.False(warehouse.HasUnits);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
