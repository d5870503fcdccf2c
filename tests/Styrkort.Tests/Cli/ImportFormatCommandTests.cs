using System.Text;
using Styrkort.Core.Warehouse.Csv;

namespace Styrkort.Tests.Cli;

/// <summary>
/// `styrkort import` reads the files as Excel and other programs save them — semicolons with decimal commas,
/// Windows-1252, UTF-16, a byte-order mark — to the same values as the plain sample, and names each file's format.
/// </summary>
public sealed class ImportFormatCommandTests(SampleData sample) : IClassFixture<SampleData>
{
    static ImportFormatCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Import_OfResavedFiles_NamesTheirFormats_AndEvaluatesAsThePlainSample()
    {
        var copy = sample.Copy();
        // The companies' names have å, ä and ö: in Windows-1252 they are not valid UTF-8.
        Resave(copy, "companies.csv", ';', Encoding.GetEncoding(1252));
        Resave(copy, "loans.csv", ';', new UnicodeEncoding(bigEndian: false, byteOrderMark: true), decimalComma: ["amount"]);
        Resave(copy, "nps_responses.csv", ';', new UTF8Encoding(true));
        Resave(copy, "operating_costs.csv", ';', new UnicodeEncoding(bigEndian: true, byteOrderMark: true), decimalComma: ["amount"]);
        var warehouse = Path.Combine(Path.GetTempPath(), $"styrkort-{Guid.NewGuid():N}.duckdb");
        try
        {
            var import = StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", copy, "--warehouse", warehouse);

            Assert.True(import.ExitCode == 0, import.Stderr + import.Stdout);
            Assert.Contains("Windows-1252, semicolon", import.Stdout, StringComparison.Ordinal);
            Assert.Contains("UTF-16 LE, semicolon", import.Stdout, StringComparison.Ordinal);
            Assert.Contains("UTF-8 BOM, semicolon", import.Stdout, StringComparison.Ordinal);
            Assert.Contains("UTF-16 BE, semicolon", import.Stdout, StringComparison.Ordinal);
            Assert.Contains("UTF-8, comma", import.Stdout, StringComparison.Ordinal);
            var resaved = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--warehouse", warehouse, "--period", "2026-Q2", "--format", "json");
            var plain = StyrkortProcess.Run("evaluate", "--goals", StyrkortProcess.GoalFile, "--data", sample.Folder, "--period", "2026-Q2", "--format", "json");
            Assert.Equal(0, resaved.ExitCode);
            Assert.Equal(plain.Stdout, resaved.Stdout);
        }
        finally
        {
            File.Delete(warehouse);
        }
    }

    [Fact]
    public void Import_OfAnUnreadableNumber_NamesFileLineAndColumn()
    {
        var copy = sample.Copy();
        Resave(copy, "loans.csv", ';', Encoding.GetEncoding(1252), decimalComma: ["amount"]);
        var lines = File.ReadAllLines(Path.Combine(copy, "loans.csv"), Encoding.GetEncoding(1252));
        var amount = Array.IndexOf(lines[0].Split(';'), "amount");
        var cells = lines[2].Split(';');
        cells[amount] = "12,5 kr";
        lines[2] = string.Join(';', cells);
        File.WriteAllLines(Path.Combine(copy, "loans.csv"), lines, Encoding.GetEncoding(1252));

        var import = StyrkortProcess.Run("import", "--goals", StyrkortProcess.GoalFile, "--data", copy, "--warehouse", Path.Combine(copy, "w.duckdb"));

        Assert.NotEqual(0, import.ExitCode);
        Assert.Contains($"loans.csv:3:{amount + 1} (amount)", import.Stderr.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Contains("12,5 kr", import.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Writes a sample file again with another separator and encoding, and decimal commas in the given columns.</summary>
    private static void Resave(string folder, string file, char separator, Encoding encoding, string[]? decimalComma = null)
    {
        var path = Path.Combine(folder, file);
        var records = new List<List<CsvField>>();
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            var csv = new CsvRecordReader(reader, ',', file);
            while (csv.Next() is { } record) records.Add(record);
        }
        var commas = records[0].Select((f, i) => decimalComma?.Contains(f.Text) == true ? i : -1).Where(i => i >= 0).ToHashSet();
        var text = new StringBuilder();
        foreach (var (record, row) in records.Select((r, i) => (r, i)))
        {
            text.AppendJoin(separator, record.Select((f, i) =>
            {
                var value = row > 0 && commas.Contains(i) ? f.Text.Replace('.', ',') : f.Text;
                return f.Quoted || value.Contains(separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
            }));
            text.Append("\r\n");
        }
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())]);
    }
}
