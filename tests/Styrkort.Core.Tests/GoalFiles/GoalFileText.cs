using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Tests.GoalFiles;

/// <summary>
/// Goal files written by a test: a small valid <see cref="Base"/> to which a test appends the lines under test, so that
/// the line of an error is <see cref="BaseLines"/> plus its line in the appended text.
/// </summary>
internal static class GoalFileText
{
    public const string Base = """
        organisation: Test
        datasets:
          units:
            key: [unit_id]
            columns:
              unit_id: text
              parent_id: {type: text, nullable: true}
              regions: {type: text, nullable: true}
          companies:
            key: [org_nr]
            columns:
              org_nr: text
              region: text
              gender: {type: code, values: [F, M], nullable: true}
          financials:
            key: [org_nr, fiscal_year]
            time: fiscal_year
            columns:
              org_nr: {type: text, references: companies}
              fiscal_year: year
              revenue: {type: decimal, nullable: true}
          loans:
            key: [loan_id]
            unit: unit_id
            time: disbursed_on
            columns:
              loan_id: text
              org_nr: {type: text, references: companies}
              unit_id: text
              disbursed_on: date
              amount: decimal
              phase: {type: code, values: [start, expansion, established]}
        units: {dataset: units, id: unit_id, parent: parent_id, regions: regions}
        functions:
          growth(measure, from_year, to_year): at(measure, fiscal_year = to_year) / at(measure, fiscal_year = from_year) - 1
        populations:
          customers:
            entity: companies
            members:
              - {from: loans, time: disbursed_on}
          regional:
            entity: companies
            region: region

        """;

    /// <summary>The number of lines of <see cref="Base"/>; the first appended line is BaseLines + 1.</summary>
    public static readonly int BaseLines = Base.Count(c => c == '\n');

    /// <summary>Reads and checks Base + <paramref name="appended"/> (or the whole text, when it starts a new file).</summary>
    public static GoalFile Read(string appended, bool withBase = true)
    {
        var path = Write(withBase ? Base + appended : appended);
        try
        {
            var file = GoalFileReader.Read(path);
            MetricCompiler.CheckAll(file);
            return file;
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>The error that refuses Base + <paramref name="appended"/>.</summary>
    public static Refusal Refused(string appended, bool withBase = true)
    {
        var path = Write(withBase ? Base + appended : appended);
        try
        {
            var error = Assert.Throws<StyrkortException>(() => MetricCompiler.CheckAll(GoalFileReader.Read(path)));
            return new Refusal(error, path);
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Where <paramref name="marker"/> first occurs in the appended text, as a line and column of the whole file.</summary>
    public static (int Line, int Column) Position(string appended, string marker, bool withBase = true)
    {
        var at = appended.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' does not occur in the goal file");
        var lineStart = at == 0 ? 0 : appended.LastIndexOf('\n', at - 1) + 1;
        return ((withBase ? BaseLines : 0) + 1 + appended[..at].Count(c => c == '\n'), at - lineStart + 1);
    }

    internal static string Write(string text)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-goalfile-").FullName;
        var path = System.IO.Path.Combine(folder, "goals.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>A refused goal file: the error and the path of the file it was read from.</summary>
internal sealed record Refusal(StyrkortException Error, string Path)
{
    public SourceLocation Location => Error.Location;

    public void At((int Line, int Column) position, string phrase) => At(position.Line, position.Column, phrase);

    /// <summary>Asserts the file, line and column of the error and a phrase of its message.</summary>
    public void At(int line, int column, string phrase)
    {
        Assert.Equal(Path, System.IO.Path.GetFullPath(Location.File));
        Assert.Equal((line, column), (Location.Line, Location.Column));
        Assert.Contains(phrase, Error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{Location.File}:{line}:{column}: ", Error.Message, StringComparison.Ordinal);
    }
}
