using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Tests.Goals;

/// <summary>
/// The CSV input: an Excel-style file (BOM, CRLF) loads the same; each kind of bad input is refused with the file,
/// the 1-based line (the header is line 1) and the 1-based column, and nothing is loaded.
/// </summary>
public sealed class InputTests
{
    internal static AlmiData Valid() => new AlmiData()
        .Loans("L1,c1,north,2026-01-15,1000,start", "L2,c4,south,2026-02-15,500,expansion")
        .Efforts("E1,c2,north,2026-01-10,2026-03-01,established", "E2,c5,south,2026-02-01,,start")
        .Ledger("north,2023-07,100,20,0,36000", "north,2026-06,200,0,32,72000")
        .Costs("north,2026-01,3000", "south,2026-02,500")
        .Nps("n1,c1,north,2026-02-01,10", "n2,c4,south,2026-03-01,6")
        .Engagement("r1,north,2026,a,4", "r1,north,2026,b,5", "r1,south,2026,a,3")
        .Kyc("2026-06-30,c1,north,true,true", "2026-06-30,c4,south,true,false")
        .Financials("c1,2024,100,10,5,", "c1,2025,150,20,5,")
        .Targets(("disbursed_loans", "north", 2026, "2000"), ("nps", "north", 2026, "50"));

    [Fact]
    public void ExcelStyleFiles_WithByteOrderMarkAndCrlf_GiveTheSameNumbers()
    {
        using var plain = Valid();
        using var excel = Valid();
        excel.ExcelStyle = true;
        var a = plain.Evaluate("2026-Q2");
        var b = excel.Evaluate("2026-Q2");

        Assert.Equal(0xEF, File.ReadAllBytes(Path.Combine(excel.Folder, "units.csv"))[0]);
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(excel.Folder, "loans.csv")), StringComparison.Ordinal);
        Assert.Equal(a.Evaluation.Outcomes, b.Evaluation.Outcomes);
        // A spot check that the data was read at all: north disbursed 1000, against 2000 × 2/4 = 1000 → met.
        Assert.Equal(1000m, b["disbursed_loans", "north"].Value!.Value.Exact);
        Assert.Equal(Status.Met, b["disbursed_loans", "north"].Status);
        // Unit names and the unit tree survive the BOM on the first column.
        Assert.Equal(["north", "root", "south"], b.Evaluation.Units.Select(u => u.Id).Order());
        Assert.Equal("root", b.Evaluation.Units.Single(u => u.Id == "north").Parent);
    }

    public static TheoryData<string, string[], int, int, string> BadInputs => new()
    {
        // file, rows, expected line, expected column, a word the message names (the expected form or the value found)
        { "loans.csv", ["L1,c1,north,2026-01-15,1000,start", "L2,c1,north,2026-02-30,1000,start"], 3, 4, "date" },
        { "loans.csv", ["L1,c1,north,15/01/2026,1000,start"], 2, 4, "date" },
        { "efforts.csv", ["E1,c2,north,2026-01-10,,start", "E2,c2,west,2026-01-10,,start"], 3, 3, "west" },
        { "nps_responses.csv", ["n1,c1,north,2026-02-01,10", "n2,c1,north,2026-02-01,9", "n3,c99,north,2026-02-01,9"], 4, 2, "c99" },
        { "loans.csv", ["L1,c1,north,2026-01-15,1000,Start"], 2, 6, "start" },
        { "companies.csv", ["c1,Alfa AB,01,F,true", "c2,Beta AB,01,K,false"], 3, 4, "F" },
        { "companies.csv", ["c1,Alfa AB,01,F,TRUE"], 2, 5, "true" },
        { "kyc_snapshots.csv", ["2026-06-30,c1,north,yes,true"], 2, 4, "true" },
        { "nps_responses.csv", ["n1,c1,north,2026-02-01,10", "n2,c1,north,2026-02-01,11"], 3, 5, "10" },
        { "engagement_responses.csv", ["r1,north,2026,a,0"], 2, 5, "1" },
        { "loan_ledger.csv", ["north,2026-01,1,0,0,100", "south,2026-01,1,0,0,100", "north,2026-01,2,0,0,100"], 4, 1, "repeated" },
        { "loans.csv", ["L1,c1,north,2026-01-15,1000,start", "L1,c2,south,2026-01-16,10,start"], 3, 1, "repeated" },
        { "loans.csv", ["L1,c1,north,2026-01-15,1 000,start"], 2, 5, "'1 000'" },
        { "loan_ledger.csv", ["north,2026-13,1,0,0,100"], 2, 2, "month" },
        { "financials.csv", ["c1,25,100,10,5,"], 2, 2, "year" },
        { "loans.csv", ["L1,c1,,2026-01-15,1000,start"], 2, 3, "empty" },
        { "targets.csv", ["nps,nowhere,2026,50,Styrelsen,2026-01-20"], 2, 2, "nowhere" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsRefusedWithFileLineAndColumn_AndNothingIsLoaded(string file, string[] rows, int line, int column, string word)
    {
        using var data = Valid().Rows(file, rows);
        var error = Refused(data);

        Assert.Equal(file, Path.GetFileName(error.Location.File));
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(column, error.Location.Column);
        Assert.Contains(word, error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MissingColumn_IsRefusedNamingTheFileTheHeaderLineAndTheColumn()
    {
        using var data = Valid().Raw("efforts.csv", "effort_id,org_nr,unit_id,started_on,phase\nE1,c2,north,2026-01-10,start\n");
        var error = Refused(data);

        Assert.Equal("efforts.csv", Path.GetFileName(error.Location.File));
        Assert.Equal(1, error.Location.Line);
        Assert.Contains("completed_on", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnsInAnotherOrder_AreReadByName_AndErrorsPointAtTheFilesOwnColumn()
    {
        using var good = Valid().Raw("nps_responses.csv", "score,answered_on,unit_id,org_nr,response_id\n10,2026-02-01,north,c1,n1\n");
        Assert.Equal(100, good.Evaluate("2026-Q2").Value("nps", "north"));

        using var bad = Valid().Raw("nps_responses.csv", "score,answered_on,unit_id,org_nr,response_id\n10,2026-02-01,north,c99,n1\n");
        var error = Refused(bad);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(4, error.Location.Column);   // org_nr is the file's fourth column
    }

    [Fact]
    public void FailedImport_LeavesTheWarehouseAsItWas()
    {
        using var good = Valid();
        using var bad = Valid().Loans("L1,c1,north,2026-01-15,99999,start", "L2,c1,north,2026-02-30,1,start");
        using var warehouse = Warehouse.Warehouse.Open(null);
        good.ImportInto(warehouse);

        Assert.ThrowsAny<Exception>(() => bad.ImportInto(warehouse));

        var after = new Evaluator(AlmiData.GoalFile, warehouse).Evaluate(Period.Parse("2026-Q2"));
        Assert.Equal(1000m, after.Outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == "north").Value!.Value.Exact);
    }

    [Fact]
    public void FailedFirstImport_LoadsNothing()
    {
        using var bad = Valid().Nps("n1,c1,north,2026-02-01,11");
        using var warehouse = Warehouse.Warehouse.Open(null);

        Assert.ThrowsAny<Exception>(() => bad.ImportInto(warehouse));

        var error = Assert.Throws<StyrkortException>(() => warehouse.RequireLoaded(AlmiData.GoalFile, "test"));
        Assert.Contains("loans", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>The one error an import of the data set reports (an InputErrorsException's first, or a StyrkortException).</summary>
    private static InputError Refused(AlmiData data)
    {
        using var warehouse = Warehouse.Warehouse.Open(null);
        try
        {
            data.ImportInto(warehouse);
        }
        catch (InputErrorsException e)
        {
            Assert.Single(e.Errors);
            return e.Errors[0];
        }
        catch (StyrkortException e)
        {
            return new InputError(e.Location, e.Reason);
        }
        Assert.Fail("the import was expected to be refused");
        return null!;
    }
}
