using Styrkort.Core.Diagnostics;

namespace Styrkort.Cli;

/// <summary>
/// Files that travel with the program (copied beside styrkort.dll and into the tool package), so that nothing depends on
/// the current directory or on a clone of the repository.
/// </summary>
internal static class ShippedFiles
{
    public const string GoalFileName = "goals.yaml";

    public static string AlmiGoals => Path.Combine(AppContext.BaseDirectory, "samples", "almi", GoalFileName);

    public static string SmbGoals => Path.Combine(AppContext.BaseDirectory, "samples", "smb", GoalFileName);

    /// <summary>The small company's financial goals over an SIE file of one's own (samples/smb/exempelbolaget.yaml).</summary>
    public static string ExempelbolagetGoals => Path.Combine(AppContext.BaseDirectory, "samples", "smb", "exempelbolaget.yaml");

    /// <summary>The files `sample smb` puts beside its data: the goal file and the dataset declarations it includes.</summary>
    public static IEnumerable<(string Shipped, string Name)> SmbSample =>
    [
        (SmbGoals, GoalFileName),
        (Path.Combine(AppContext.BaseDirectory, "samples", "smb", "smb-data.yaml"), "smb-data.yaml"),
    ];

    /// <summary>
    /// The goal file a command reads: the one given, else the one in the data folder. The error names both ways out,
    /// because "file not found" for a path the user never typed explains nothing.
    /// </summary>
    public static string GoalFileFor(string? goals, string? data)
    {
        if (goals is not null) return goals;
        if (data is null)
            throw new ArgumentException("no goal file: give --goals FILE, or --data FOLDER with a goals.yaml in it");
        var inData = Path.Combine(data, GoalFileName);
        if (File.Exists(inData)) return inData;
        throw new StyrkortException(new SourceLocation(Path.GetFullPath(data), 0, 0),
            $"no {GoalFileName} in the data folder; give --goals FILE (styrkort sample almi --out DIR writes one with the data)");
    }

    /// <summary>Writes the shipped Företagspartner goal file to <paramref name="path"/>, unless a file is already there.</summary>
    public static bool SeedAlmiGoals(string path)
    {
        if (File.Exists(path)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Copy(AlmiGoals, path);
        return true;
    }

    /// <summary>Writes the small company's goal file and the data declarations it includes into <paramref name="folder"/>, unless a goal file is there.</summary>
    public static bool SeedSmbGoals(string folder)
    {
        if (File.Exists(Path.Combine(folder, GoalFileName))) return false;
        Directory.CreateDirectory(folder);
        foreach (var (shipped, name) in SmbSample) File.Copy(shipped, Path.Combine(folder, name), overwrite: true);
        return true;
    }
}
