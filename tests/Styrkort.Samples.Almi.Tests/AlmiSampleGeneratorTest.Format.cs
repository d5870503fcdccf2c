using System.Globalization;
using System.Text.RegularExpressions;

namespace Styrkort.Samples.Almi.Tests;

public sealed partial class AlmiSampleGeneratorTest(GeneratedSample sample) : IClassFixture<GeneratedSample>
{
    [Fact]
    public void Write_CreatesExactlyTheElevenFilesWithTheirHeaders()
    {
        var files = Directory.GetFiles(sample.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(SampleFormat.Headers.Keys.Order(StringComparer.Ordinal), files);
        foreach (var (file, header) in SampleFormat.Headers)
            Assert.Equal(string.Join(',', header), File.ReadLines(Path.Combine(sample.Directory, file)).First());
    }

    [Fact]
    public void Write_FilesAreUtf8WithoutBomAndWithLfLineEnds()
    {
        foreach (string file in SampleFormat.Headers.Keys)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(sample.Directory, file));
            Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{file} starts with a byte-order mark");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    [Fact]
    public void Write_SummaryCountsTheDataRowsOfEveryFile()
    {
        Assert.Equal(SampleFormat.Headers.Keys.Order(StringComparer.Ordinal), sample.Summary.RowsPerFile.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, rows) in sample.Summary.RowsPerFile)
            Assert.Equal(sample.Table(file).Rows.Count, rows);
    }

    [Fact]
    public void Write_NamesWithCommasAndQuotes_AreQuotedAndReadBack()
    {
        var names = sample.Table("companies.csv").Values("name").ToList();
        Assert.Contains(names, n => n.Contains(',', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains('"', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains('å', StringComparison.Ordinal) || n.Contains('ö', StringComparison.Ordinal));
        string quotedLine = File.ReadLines(Path.Combine(sample.Directory, "companies.csv"))
            .First(l => l.Contains("\"\"", StringComparison.Ordinal));
        Assert.Matches("^[0-9-]+,\".*\"\"[^\"]+\"\".*\",", quotedLine);
    }

    [Fact]
    public void Write_DatesMonthsAndNumbersUseTheInvariantIsoForms()
    {
        var date = new Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        var month = new Regex("^[0-9]{4}-(0[1-9]|1[0-2])$");
        var integer = new Regex("^-?[0-9]+$");
        var amount = new Regex("^-?[0-9]+\\.[0-9]{2}$");
        (string File, string Column, Regex Form)[] checks =
        [
            ("loans.csv", "disbursed_on", date), ("efforts.csv", "started_on", date), ("efforts.csv", "completed_on", date),
            ("nps_responses.csv", "answered_on", date), ("kyc_snapshots.csv", "snapshot_on", date),
            ("targets.csv", "decided_on", date), ("loan_ledger.csv", "month", month), ("operating_costs.csv", "month", month),
            ("financials.csv", "net_revenue", integer), ("financials.csv", "ebitda", integer),
            ("financials.csv", "employees", integer), ("financials.csv", "total_assets", integer),
            ("loans.csv", "amount", integer), ("operating_costs.csv", "amount", integer), ("targets.csv", "level", integer),
            ("loan_ledger.csv", "interest_income", amount), ("loan_ledger.csv", "outstanding_balance", amount),
            ("engagement_responses.csv", "survey_year", integer), ("financials.csv", "fiscal_year", integer),
        ];
        foreach (var (file, column, form) in checks)
        {
            foreach (string value in sample.Table(file).Values(column).Where(v => v.Length > 0))
            {
                Assert.True(form.IsMatch(value), $"{file}:{column} '{value}'");
                if (form == date)
                    Assert.True(DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), value);
            }
        }
    }

    [Fact]
    public void Write_FieldsAreEmptyOnlyWhereTheFormatAllowsUnknown()
    {
        foreach (string file in SampleFormat.Headers.Keys)
        {
            var table = sample.Table(file);
            for (int c = 0; c < table.Header.Length; c++)
            {
                if (SampleFormat.MayBeEmpty.Contains($"{file}:{table.Header[c]}"))
                    continue;
                Assert.DoesNotContain(table.Rows, r => r[c].Length == 0);
            }
        }
    }

    [Fact]
    public void Write_ReportsProgressThatOnlyGrowsAndEndsAtTheTotal()
    {
        string dir = TempFolder.Create();
        try
        {
            var reports = new List<GenerationProgress>();
            AlmiSampleGenerator.Write(dir, new AlmiSampleOptions(Companies: 25_000, LastMonth: "2022-03"), new Collect(reports));
            Assert.NotEmpty(reports);
            Assert.All(reports.Zip(reports.Skip(1)), p => Assert.True(p.Second.Done >= p.First.Done));
            Assert.All(reports, p => Assert.Equal(reports[0].Total, p.Total));
            Assert.Equal(reports[^1].Total, reports[^1].Done);
            Assert.Contains(reports, p => p.File == "companies.csv");
            Assert.InRange(reports.Count, 3, 200);
        }
        finally
        {
            TempFolder.Delete(dir);
        }
    }

    [Fact]
    public void Write_CreatesAMissingOutputFolder()
    {
        string root = TempFolder.Create();
        try
        {
            string nested = Path.Combine(root, "a", "b");
            AlmiSampleGenerator.Write(nested, new AlmiSampleOptions(Companies: 50, LastMonth: "2021-02"));
            Assert.Equal(11, Directory.GetFiles(nested, "*.csv").Length);
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public void Write_CancelledToken_StopsWithOperationCanceled()
    {
        string dir = TempFolder.Create();
        try
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() =>
                AlmiSampleGenerator.Write(dir, new AlmiSampleOptions(Companies: 100), ct: cts.Token));
        }
        finally
        {
            TempFolder.Delete(dir);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void Write_TinyStock_StillWritesConsistentFiles(int companies)
    {
        string dir = TempFolder.Create();
        try
        {
            AlmiSampleGenerator.Write(dir, new AlmiSampleOptions(Companies: companies));
            var orgNrs = CsvTable.Read(Path.Combine(dir, "companies.csv")).Values("org_nr").ToHashSet(StringComparer.Ordinal);
            Assert.Equal(companies, orgNrs.Count);
            foreach (string file in new[] { "loans.csv", "efforts.csv", "nps_responses.csv", "kyc_snapshots.csv" })
                Assert.All(CsvTable.Read(Path.Combine(dir, file)).Values("org_nr"), o => Assert.Contains(o, orgNrs));
        }
        finally
        {
            TempFolder.Delete(dir);
        }
    }

    [Theory]
    [InlineData(0, 2020, "2026-09")]
    [InlineData(10_000_001, 2020, "2026-09")]
    [InlineData(100, 2020, "2026-9")]
    [InlineData(100, 2020, "2026-13")]
    [InlineData(100, 2020, "2020-12")]
    [InlineData(100, 2020, "sept")]
    public void Write_InvalidOptions_AreRejectedBeforeAnyFileIsWritten(int companies, int firstYear, string lastMonth)
    {
        string dir = Path.Combine(Path.GetTempPath(), "styrkort-almi-" + Guid.NewGuid().ToString("N"));
        Assert.ThrowsAny<ArgumentException>(() =>
            AlmiSampleGenerator.Write(dir, new AlmiSampleOptions(companies, 7, firstYear, lastMonth)));
        Assert.False(Directory.Exists(dir));
    }

    private sealed class Collect(List<GenerationProgress> reports) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => reports.Add(value);
    }
}
