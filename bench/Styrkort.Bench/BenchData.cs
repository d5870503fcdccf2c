using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;
using Styrkort.Samples.Almi;

namespace Styrkort.Bench;

/// <summary>
/// The CSV files and the imported warehouse of one size. With --keep they live in KEEP/N and are made only when
/// missing (a 1.2 M sample takes minutes to generate and import); otherwise in the run's temporary folder.
/// </summary>
internal sealed record BenchData(string Csv, string Warehouse)
{
    public static BenchData Prepare(BenchOptions options, int companies, GoalFile file, string work)
    {
        if (options.Data is not null)
            return new BenchData(options.Data, Import(file, options.Data, Path.Combine(work, "bench.duckdb")));
        if (options.Keep is null)
        {
            var data = Path.Combine(work, $"data-{companies}");
            Generate(data, companies);
            return new BenchData(data, Import(file, data, Path.Combine(work, $"bench-{companies}.duckdb")));
        }
        var folder = Path.GetFullPath(Path.Combine(options.Keep, companies.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!Directory.Exists(folder))
        {
            // Generated beside and moved into place, so that an interrupted run never leaves half a sample to reuse.
            var partial = folder + ".partial";
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
            Generate(partial, companies);
            Directory.Move(partial, folder);
        }
        var warehouse = Path.Combine(folder, "bench.duckdb");
        if (!File.Exists(warehouse))
        {
            var partial = Path.Combine(folder, "bench.partial.duckdb");
            File.Delete(partial);
            File.Delete(partial + ".wal");
            Import(file, folder, partial);
            File.Move(partial, warehouse);
        }
        else Console.Error.WriteLine($"reusing {warehouse}");
        return new BenchData(folder, warehouse);
    }

    private static void Generate(string folder, int companies)
    {
        Console.Error.WriteLine($"generating {companies:N0} companies into {folder} …");
        AlmiSampleGenerator.Write(folder, new AlmiSampleOptions(Companies: companies, Seed: 7));
    }

    private static string Import(GoalFile file, string folder, string path)
    {
        Console.Error.WriteLine($"importing {folder} into {path} …");
        using (var warehouse = Styrkort.Core.Warehouse.DuckDb.DuckDbWarehouse.Open(path))
        {
            warehouse.Import(file, folder, TimeProvider.System);
            using var command = warehouse.Connection.CreateCommand();
            command.CommandText = "CHECKPOINT"; // everything in the file, nothing left in a WAL beside it
            command.ExecuteNonQuery();
        }
        return path;
    }
}
