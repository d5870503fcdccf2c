using System.Text;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Tests.Goals;
using Styrkort.Core.Warehouse.DuckDb;

namespace Styrkort.Core.Tests.Safety;

/// <summary>
/// What the scan of a file proves on its own, against what the checked path and the reference queries decide: a cell's
/// form, keys distinct (sorted, grouped by their first cell, or neither), references found as text.
/// </summary>
public sealed class ScannedImportTests
{
    private static AlmiData Data() => new AlmiData()
        .Loans("L1,c1,north,2026-01-15,1000,start", "L2,c4,south,2026-02-15,500,expansion")
        .Nps("n1,c1,north,2026-02-01,10")
        .Financials("c1,2024,100,10,5,", "c1,2025,150,20,5,", "c2,2024,1,1,1,1");

    [Theory]
    // Grouped by company, each group once: distinct.
    [InlineData(new[] { "c2,2024,1,,,", "c2,2025,1,,,", "c1,2024,1,,," }, 0, null)]
    // Sorted: distinct.
    [InlineData(new[] { "c1,2024,1,,,", "c1,2025,1,,,", "c2,2024,1,,," }, 0, null)]
    // A company's second group, with other years: distinct, though the scan cannot prove it.
    [InlineData(new[] { "c1,2024,1,,,", "c2,2024,1,,,", "c1,2025,1,,," }, 0, null)]
    // A company's second group repeating a year.
    [InlineData(new[] { "c1,2024,1,,,", "c2,2024,1,,,", "c1,2024,2,,," }, 4, "repeated")]
    // Years falling within a group, one repeated.
    [InlineData(new[] { "c1,2025,1,,,", "c1,2024,1,,,", "c1,2025,2,,," }, 4, "repeated")]
    // A reference missing after a group the scan found.
    [InlineData(new[] { "c1,2024,1,,,", "c1,2025,1,,,", "c99,2024,1,,," }, 4, "c99")]
    // A reference with spaces around it: the checked path trims, and so finds it.
    [InlineData(new[] { "\" c1\",2024,1,,,", "c2,2024,1,,," }, 0, null)]
    public void Financials_AreCheckedAsTheCheckedPathChecksThem(string[] rows, int line, string? word)
    {
        using var data = Data().Financials(rows);
        using var warehouse = Core.Warehouse.Warehouse.Open(null);
        var error = Record.Exception(() => data.ImportInto(warehouse));
        if (word is null)
        {
            Assert.Null(error);
            return;
        }
        var e = Assert.IsType<InputErrorsException>(error);
        Assert.Equal(line, e.Errors[0].Location.Line);
        Assert.Contains(word, e.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // A key of one column that others refer to: its set of texts finds the repeat.
    [InlineData("c1,Alfa AB,01,F,true|c2,Beta AB,01,M,false|c4,Delta AB,12,,false|c1,Alfa AB,01,F,true", 5)]
    // Equal only once trimmed: the checked path compares the texts, and finds none.
    [InlineData("c1,Alfa AB,01,F,true|c2,Beta AB,01,M,false|c4,Delta AB,12,,false|\"c1 \",Alfa AB,01,F,true", 0)]
    public void Companies_KeysAreCheckedAsTheCheckedPathChecksThem(string rows, int line)
    {
        using var data = Data().Companies(rows.Split('|'));
        using var warehouse = Core.Warehouse.Warehouse.Open(null);
        var error = Record.Exception(() => data.ImportInto(warehouse));
        if (line == 0)
        {
            Assert.Null(error);
            return;
        }
        var e = Assert.IsType<InputErrorsException>(error);
        Assert.Equal(line, e.Errors[0].Location.Line);
        Assert.Contains("repeated", e.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AReferencedKeyWithSpacesAroundIt_IsFoundAsTheCheckedPathFindsIt()
    {
        using var data = Data().Companies("\"c1 \",Alfa AB,01,F,true", "c2,Beta AB,01,M,false", "c4,Delta AB,12,,false");
        using var warehouse = Core.Warehouse.Warehouse.Open(null);
        data.ImportInto(warehouse);
    }

    [Fact]
    public void TheSetOfReferencedTexts_FindsExactlyWhatWasPutIn()
    {
        var set = new TextSet(1000); // sized small, so that it grows
        var random = new Random(3);
        var texts = Enumerable.Range(0, 50_000).Select(i => $"{random.Next(1_000_000):000000}-{i % 97}").ToHashSet();
        foreach (var t in texts) set.Add(Encoding.UTF8.GetBytes(t));
        foreach (var t in texts.Take(100)) set.Add(Encoding.UTF8.GetBytes(t)); // again: no change
        Assert.All(texts, t => Assert.True(set.Contains(Encoding.UTF8.GetBytes(t)), t));
        var others = Enumerable.Range(0, 50_000).Select(i => $"{random.Next(1_000_000):000000}-{i % 89 + 97}").Append("").Append("x\0y");
        Assert.All(others, t => Assert.False(set.Contains(Encoding.UTF8.GetBytes(t)), t));
    }

    public static TheoryData<int> Forms() => [(int)CsvScan.Form.Integer, (int)CsvScan.Form.Decimal, (int)CsvScan.Form.Year, (int)CsvScan.Form.Date, (int)CsvScan.Form.Boolean];

    /// <summary>A cell the scan lets through has the form the checked path's regular expression demands (and is a day, for a date).</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TheScansForms_AreNeverLaxerThanTheCheckedPaths(int form)
    {
        var (pattern, alphabet) = (CsvScan.Form)form switch
        {
            CsvScan.Form.Integer => ("-?[0-9]+", "0123456789-+ .e"),
            CsvScan.Form.Decimal => (@"-?[0-9]{1,14}(\.[0-9]{1,4})?", "0123456789-+ .e"),
            CsvScan.Form.Year => ("[0-9]{4}", "0123456789-+ "),
            CsvScan.Form.Date => ("[0-9]{4}-[0-9]{2}-[0-9]{2}", "0123456789-"),
            _ => ("true|false", "truefalsTRUE "),
        };
        var random = new Random(form);
        var passed = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var length = random.Next(1, form == (int)CsvScan.Form.Date ? 12 : 22);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (form == (int)CsvScan.Form.Date && random.Next(2) == 0)
                text = $"{random.Next(0, 10000):0000}-{random.Next(0, 14):00}-{random.Next(0, 33):00}";
            if (form == (int)CsvScan.Form.Boolean && random.Next(2) == 0) text = random.Next(2) == 0 ? "true" : "false";
            if (!CsvScan.Fits((CsvScan.Form)form, Encoding.UTF8.GetBytes(text))) continue;
            passed++;
            Assert.Matches($"^(?:{pattern})$", text);
            if (form == (int)CsvScan.Form.Date) Assert.True(DateOnly.TryParseExact(text, "yyyy-MM-dd", out _), text);
        }
        Assert.True(passed > 100, $"only {passed} cells fit");
    }
}
