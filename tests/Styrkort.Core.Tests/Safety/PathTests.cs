using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Paths;
using static Styrkort.Core.Tests.GoalFiles.GoalFileText;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// Every file a goal file names lies inside its folder: includes beside the including file (or a shipped library by
/// bare name), dataset files inside the data folder, no absolute path, no '..', no symbolic link leading out.
/// </summary>
public sealed class PathTests : IDisposable
{
    private const string Secret = "root:x:0:0:SECRET-FIRST-LINE";

    private readonly string _root = Directory.CreateTempSubdirectory("styrkort-paths-").FullName;

    private string Inside => Directory.CreateDirectory(Path.Combine(_root, "goals")).FullName;

    private string Outside
    {
        get
        {
            var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
            File.WriteAllText(Path.Combine(outside, "secret.yaml"), Secret + "\n");
            File.WriteAllText(Path.Combine(outside, "secret.csv"), Secret + "\n");
            return outside;
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("'/etc/passwd'", "an absolute path")]
    [InlineData("'/proc/self/environ'", "an absolute path")]
    [InlineData("'../goals.yaml'", "'..' is not allowed")]
    [InlineData("'lib/../../x.yaml'", "'..' is not allowed")]
    [InlineData("'lib\\x.yaml'", "the character '\\' is not allowed")]
    [InlineData("library.csv", "only goal files (.yaml, .yml) can be included")]
    public void Include_OutsideTheFolderOrNotAPlainPath_IsRefusedAtTheItem(string item, string phrase)
    {
        var yaml = $"include: [{item}]\n";
        var refusal = Refused(yaml);
        refusal.At(Position(yaml, item), phrase);
        Assert.DoesNotContain("root:", refusal.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_SymbolicLinkToAFileOutside_IsRefused_AndItsContentNeverShown()
    {
        var goals = WriteGoals("include: [library.yaml]\n");
        File.CreateSymbolicLink(Path.Combine(Inside, "library.yaml"), Path.Combine(Outside, "secret.yaml"));

        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(goals));

        Assert.Equal((BaseLines + 1, 11), (error.Location.Line, error.Location.Column));
        Assert.Contains("leads outside the folder of the including file", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ThroughAFolderLinkedOutside_IsRefused()
    {
        var goals = WriteGoals("include: [shared/secret.yaml]\n");
        Directory.CreateSymbolicLink(Path.Combine(Inside, "shared"), Outside);

        var error = Assert.Throws<StyrkortException>(() => GoalFileReader.Read(goals));

        Assert.Contains("leads outside the folder", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_LinkThatStaysInside_AndASubfolder_AreRead()
    {
        Directory.CreateDirectory(Path.Combine(Inside, "common"));
        File.WriteAllText(Path.Combine(Inside, "common", "functions.yaml"), "functions:\n  half(x): x / 2\n");
        File.CreateSymbolicLink(Path.Combine(Inside, "alias.yaml"), Path.Combine(Inside, "common", "functions.yaml"));

        Assert.Contains("half", GoalFileReader.Read(WriteGoals("include: [./common/functions.yaml]\n")).Functions.Keys);
        Assert.Contains("half", GoalFileReader.Read(WriteGoals("include: [alias.yaml]\n")).Functions.Keys);
    }

    [Fact]
    public void Include_ShippedLibraryByBareName_IsFoundBesideTheProgram_WithItsOwnIncludes()
    {
        Assert.True(File.Exists(Path.Combine(GoalFileReader.LibraryFolder, "bas-nyckeltal.yaml")), "the build copies libraries/*.yaml into the output");
        var smb = GoalFileReader.Read(Path.Combine(Repository.Root, "samples", "smb", "exempelbolaget.yaml"));

        Assert.Contains("soliditet", smb.Metrics.Keys);      // from bas-nyckeltal.yaml
        Assert.Contains("sie_balances", smb.Datasets.Keys);   // from sie.yaml, which bas-nyckeltal.yaml includes
    }

    [Fact]
    public void Include_FileBesideTheGoalFile_TakesPrecedenceOverAShippedLibrary()
    {
        File.WriteAllText(Path.Combine(Inside, "sie.yaml"), "functions:\n  own(x): x\n");
        var file = GoalFileReader.Read(WriteGoals("include: [sie.yaml]\n"));
        Assert.Contains("own", file.Functions.Keys);
        Assert.DoesNotContain("sie_balances", file.Datasets.Keys);
    }

    [Theory]
    [InlineData("/etc/passwd", "an absolute path")]
    [InlineData("../../../../tmp/x.csv", "'..' is not allowed")]
    [InlineData("data/../../x.csv", "'..' is not allowed")]
    [InlineData("C:/x.csv", "an absolute path")]
    [InlineData("a\\\\b.csv", "the character '\\' is not allowed")]
    [InlineData("a b.csv", "U+0020 is not allowed")]
    [InlineData("...", "'...' is not a file name")]
    public void DatasetFile_NotAPlainRelativePath_IsRefusedAtItsValue(string file, string phrase)
    {
        var yaml = $"  extra:\n    file: \"{file}\"\n    columns: {{x: text}}\n";
        var text = Base.Replace("datasets:\n", "datasets:\n" + yaml, StringComparison.Ordinal);
        var refusal = Refused(text, withBase: false);
        refusal.At(Position(text, $"\"{file}\"", withBase: false), phrase);
    }

    [Fact]
    public void DatasetFile_NulCharacter_IsRefused()
    {
        var text = Base.Replace("datasets:\n", "datasets:\n  extra:\n    file: \"a\\0b.csv\"\n    columns: {x: text}\n", StringComparison.Ordinal);
        Refused(text, withBase: false).At(4, 11, "U+0000");
    }

    [Theory]
    [InlineData("./nps_responses.csv", "nps_responses.csv")]
    [InlineData("data//nps.csv", "data/nps.csv")]
    [InlineData("data/./nps.csv", "data/nps.csv")]
    [InlineData("Svar_2026-Q1.csv", "Svar_2026-Q1.csv")]
    public void DatasetFile_IsStoredNormalised(string written, string stored)
    {
        var text = Base.Replace("datasets:\n", $"datasets:\n  extra:\n    file: {written}\n    columns: {{x: text}}\n", StringComparison.Ordinal);
        Assert.Equal(stored, Read(text, withBase: false).Datasets["extra"].File);
    }

    [Fact]
    public void Import_DataFileLinkedOutsideTheDataFolder_IsRefusedBeforeAnythingIsRead()
    {
        var goals = Path.Combine(Inside, "goals.yaml");
        File.WriteAllText(goals, SmallGoals);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "units.csv"), "unit_id,parent_id\nshop,\n");
        File.CreateSymbolicLink(Path.Combine(data, "sales.csv"), Path.Combine(Outside, "secret.csv"));
        using var warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);

        var error = Assert.Throws<StyrkortException>(() => warehouse.Import(GoalFileReader.Read(goals), data, TimeProvider.System));

        Assert.Contains("dataset 'sales': its file 'sales.csv' leads outside the data folder", error.Reason, StringComparison.Ordinal);
        Assert.Equal(5, error.Location.Line); // the dataset in the goal file
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.False(warehouse.HasUnits);
    }

    [Fact]
    public void Import_DataFolderItselfALink_IsFine()
    {
        var goals = Path.Combine(Inside, "goals.yaml");
        File.WriteAllText(goals, SmallGoals);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "units.csv"), "unit_id,parent_id\nshop,\n");
        File.WriteAllText(Path.Combine(data, "sales.csv"), "unit_id,amount\nshop,12.5\n");
        var link = Path.Combine(_root, "current");
        Directory.CreateSymbolicLink(link, data);
        using var warehouse = Core.Warehouse.DuckDb.DuckDbWarehouse.Open(null);

        var imported = warehouse.Import(GoalFileReader.Read(goals), link, TimeProvider.System);

        Assert.Equal(["units", "sales"], imported.Select(i => i.Dataset));
    }

    [Fact]
    public void RealPath_FollowsALinksDotDotFromWhereItPoints()
    {
        var deep = Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(Inside, "up"), deep);
        // goals/up/.. is a/ (where the link points), not goals/ as a lexical reading would say.
        Assert.Equal(Path.Combine(_root, "a"), ContainedPath.RealPath(Path.Combine(Inside, "up") + "/.."));
        Assert.Null(ContainedPath.Resolve(Inside, "up/x.csv"));
    }

    internal const string SmallGoals = """
        datasets:
          units:
            key: [unit_id]
            columns: {unit_id: text, parent_id: {type: text, nullable: true}}
          sales:
            unit: unit_id
            columns: {unit_id: text, amount: decimal}
        units: {dataset: units, id: unit_id, parent: parent_id}
        """;

    private string WriteGoals(string appended)
    {
        var path = Path.Combine(Inside, $"goals-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Base + appended);
        return path;
    }
}

internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Styrkort.sln"))) return dir.FullName;
            throw new InvalidOperationException("Styrkort.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
