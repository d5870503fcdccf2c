using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;

namespace Styrkort.Web.Tests.Imports;

/// <summary>Excel uploads are read as a stream and measured first: a zip bomb or garbage is refused quickly with a message.</summary>
public sealed class ExcelToCsvTest : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-xlsx-tests-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string Csv => Path.Combine(_folder, "out.csv");

    [Fact]
    public void AWorkbook_BecomesCsv_WithSharedStringsNumbersDatesAndGaps()
    {
        var sheet = """
            <sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>when</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1.50</v></c><c r="C2" s="1"><v>46023</v></c></row>
            <row r="3"/>
            <row r="4"><c r="A4"><v>7</v></c><c r="C4" t="b"><v>1</v></c></row>
            </sheetData>
            """;
        using var xlsx = File.Open(WriteWorkbook(sheet, ["unit", "value", "Skåne, syd"]), FileMode.Open);

        ExcelToCsv.Convert(xlsx, Csv);

        Assert.Equal("unit,value,when\n\"Skåne, syd\",1.50,2026-01-01\n\n7,,true\n", File.ReadAllText(Csv));
    }

    [Theory]
    [InlineData("not a workbook at all")]
    [InlineData("PK\u0003\u0004 truncated zip")]
    public void Garbage_IsRefusedAsUnreadable(string content)
    {
        using var garbage = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var e = Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(garbage, Csv));
        Assert.Contains("not a readable Excel workbook", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipThatIsNotAWorkbook_IsRefusedAsUnreadable()
    {
        var path = Path.Combine(_folder, "other.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open())) writer.Write("hello");
        using var stream = File.OpenRead(path);
        Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(stream, Csv));
    }

    [Fact]
    public void ATruncatedWorkbook_IsRefusedAsUnreadable()
    {
        var bytes = File.ReadAllBytes(WriteWorkbook("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>", []));
        using var truncated = new MemoryStream(bytes[..(bytes.Length * 2 / 3)]);
        Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(truncated, Csv));
    }

    [Fact]
    public void AZipBomb_IsRefusedBeforeItIsUnpacked_Quickly()
    {
        // 300 MB of one repeated row, written through the compressor a block at a time: never in memory at once.
        var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>", 1000)));
        var path = WriteWorkbook(sheetData: null, [], sheetWriter: sheet =>
        {
            sheet.Write("<sheetData>"u8);
            for (long written = 0; written < 300L * 1024 * 1024; written += row.Length) sheet.Write(row);
            sheet.Write("</sheetData>"u8);
        });
        Assert.True(new FileInfo(path).Length < 1024 * 1024, $"the bomb is {new FileInfo(path).Length:N0} bytes");

        var clock = Stopwatch.StartNew();
        using var bomb = File.OpenRead(path);
        var e = Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(bomb, Csv));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("unpacks to more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHighlyCompressedSheet_UnderTheTotal_IsRefusedByItsRatio()
    {
        var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c><v>1</v></c></row>", 1000)));
        var path = WriteWorkbook(null, [], sheet =>
        {
            sheet.Write("<sheetData>"u8);
            for (long written = 0; written < 20L * 1024 * 1024; written += row.Length) sheet.Write(row);
            sheet.Write("</sheetData>"u8);
        });
        using var stream = File.OpenRead(path);
        var e = Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(stream, Csv));
        Assert.Contains("compressed more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyCellsOrColumns_AreRefusedWhileStreaming()
    {
        var limits = new WebLimits { MaxXlsxCells = 5, MaxXlsxColumns = 3 };
        using (var wide = File.OpenRead(WriteWorkbook("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>1</v></c></row></sheetData>", [])))
            Assert.Contains("columns", Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(wide, Csv, limits)).Message, StringComparison.Ordinal);
        var many = string.Concat(Enumerable.Range(1, 6).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\"><v>{i}</v></c></row>"));
        using (var tall = File.OpenRead(WriteWorkbook($"<sheetData>{many}</sheetData>", [])))
            Assert.Contains("cells", Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(tall, Csv, limits)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooMuchSharedText_IsRefused()
    {
        var limits = new WebLimits { MaxXlsxSharedStrings = 2 };
        using var stream = File.OpenRead(WriteWorkbook("<sheetData/>", ["a", "b", "c"]));
        Assert.Contains("more text", Assert.Throws<InvalidDataException>(() => ExcelToCsv.Convert(stream, Csv, limits)).Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal workbook as Excel writes it: one sheet, shared strings, a date style at index 1.</summary>
    private string WriteWorkbook(string? sheetData, string[] sharedStrings, Action<Stream>? sheetWriter = null)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Entry("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Entry("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry("xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>
            <Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>
            """);
        Entry("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}">{string.Concat(sharedStrings.Select(s => $"<si><t>{System.Security.SecurityElement.Escape(s)}</t></si>"))}</sst>""");
        Entry("xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
        {
            sheet.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">"""));
            if (sheetWriter is not null) sheetWriter(sheet);
            else sheet.Write(Encoding.UTF8.GetBytes(sheetData!));
            sheet.Write("</worksheet>"u8);
        }
        return path;
    }
}
