namespace Styrkort.Web.Tests.Support;

internal static class SourceTree
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Styrkort.sln.</summary>
    public static string Root { get; } = Find();

    public static string GoalFile => Path.Combine(Root, "samples", "almi", "goals.yaml");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Styrkort.sln not found above {AppContext.BaseDirectory}");
    }
}
