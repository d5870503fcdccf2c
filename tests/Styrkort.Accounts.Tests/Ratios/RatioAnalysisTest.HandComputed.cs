using Styrkort.Accounts.Ratios;
using Styrkort.Core.Tests.Engines;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>
/// The library over small hand-written files, against results computed by hand from smb-kpis.md Part 1. The example
/// company (samples/smb/exempelbolaget.se) is worked through in docs/sie.md:
/// year 0: NR 1 200 000, VK 590 000, AV 20 000, EBIT 230 000, FI 5 000, REFP 232 000, TA 500 000, OT 420 000,
/// VL 50 000 (40 000 at the start), KF 130 000 (80 000), OR 30 000, KS 70 000, LS 45 000 (35 000), EK 340 000;
/// year −1 (no opening balances in the file): NR 900 000, VK 450 000, EBIT 140 000, REFP 136 000, TA 308 732,
/// OT 208 732, VL 40 000, OR 20 000, KS 55 000, EK 163 732.
/// </summary>
public abstract partial class RatioAnalysisTest
{
    /// <summary>The example company's report, computed once per test class (so once per engine).</summary>
    public sealed class ExampleReport
    {
        private RatioReport? _report;

        internal RatioReport Of(Ratios ratios) => _report ??= ratios.Of(Example);
    }

    private Ratios Ratios { get; }
    private readonly RatioReport _example;

    protected RatioAnalysisTest(Engine engine, ExampleReport example)
    {
        Ratios = new Ratios(engine);
        _example = example.Of(Ratios);
    }

    [Theory]
    [InlineData(0, "soliditet", 100 * (340_000 + (1 - 0.206) * 30_000) / 500_000.0)]
    [InlineData(0, "kassalikviditet", 100 * (420_000 - 50_000) / 70_000.0)]
    [InlineData(0, "balanslikviditet", 100 * 420_000 / 70_000.0)]
    [InlineData(0, "bruttovinstmarginal", 100 * (1_200_000 - 590_000) / 1_200_000.0)]
    [InlineData(0, "nettovinstmarginal", 100 * (230_000 + 5_000) / 1_200_000.0)]
    [InlineData(0, "rorelsemarginal", 100 * 230_000 / 1_200_000.0)]
    [InlineData(0, "kundkredittid", (80_000 + 130_000) / 2.0 / 1_200_000 * 365)]
    [InlineData(0, "leverantorskredittid", (35_000 + 45_000) / 2.0 / 590_000 * 365)]
    [InlineData(0, "lageromsattningshastighet", 590_000 / ((40_000 + 50_000) / 2.0))]
    [InlineData(0, "avkastning_eget_kapital", 100 * 232_000 / 340_000.0)]
    [InlineData(0, "nettoomsattning", 1_200_000.0)]
    [InlineData(0, "ebitda", 250_000.0)]
    [InlineData(0, "summa_tillgangar", 500_000.0)]
    [InlineData(0, "eget_kapital", 340_000.0)]
    [InlineData(-1, "soliditet", 100 * (163_732 + (1 - 0.206) * 20_000) / 308_732.0)]
    [InlineData(-1, "kassalikviditet", 100 * (208_732 - 40_000) / 55_000.0)]
    [InlineData(-1, "balanslikviditet", 100 * 208_732 / 55_000.0)]
    [InlineData(-1, "bruttovinstmarginal", 50.0)]
    [InlineData(-1, "nettovinstmarginal", 100 * 140_000 / 900_000.0)]
    [InlineData(-1, "rorelsemarginal", 100 * 140_000 / 900_000.0)]
    [InlineData(-1, "avkastning_eget_kapital", 100 * 136_000 / 163_732.0)]
    [InlineData(-1, "nettoomsattning", 900_000.0)]
    [InlineData(-1, "ebitda", 140_000.0)]
    [InlineData(-1, "summa_tillgangar", 308_732.0)]
    [InlineData(-1, "eget_kapital", 163_732.0)]
    public void Example_EqualsTheHandComputedValue(int year, string ratio, double expected) =>
        Assert.Equal(expected, _example.Value(year, ratio)!.Value, 9);

    [Theory]
    [InlineData("kundkredittid")]
    [InlineData("leverantorskredittid")]
    [InlineData("lageromsattningshastighet")]
    public void Example_NoValueWhereTheOpeningBalanceIsMissing(string ratio) => Assert.Null(_example.Value(-1, ratio));

    [Fact]
    public void Example_AmountsAreExactAndYearsNewestFirst()
    {
        Assert.Equal([0, -1], _example.Years.Select(y => y.Index));
        Assert.Equal(1_200_000m, _example.Years[0].Values["nettoomsattning"]!.Value.Exact);
        Assert.Equal(("Järnhandeln i Åre AB", "555555-5555"), (_example.Company, _example.OrgNr));
    }

    [Fact]
    public void Example_EveryRatioHasASwedishAndAnEnglishLabel() =>
        Assert.All(_example.Ratios, r => Assert.NotEqual(r.Label.Swedish, r.Name));

    [Fact]
    public void BookedTo_ShortensTheYearForCreditPeriods()
    {
        // #OMFATTN 2024-06-30: D is 182 days (2024 is a leap year), not 365.
        var report = Ratios.Of(Read("""
            #FLAGGA 0
            #SIETYP 2
            #FNAMN "Halvåret AB"
            #RAR 0 20240101 20241231
            #OMFATTN 20240630
            #IB 0 1510 30000
            #IB 0 2440 -10000
            #IB 0 1930 -20000
            #UB 0 1510 50000
            #UB 0 2440 -30000
            #UB 0 1930 380000
            #RES 0 3010 -400000
            #RES 0 4010 100000
            """).Document);
        Assert.Equal(40_000.0 / 400_000 * 182, report.Value(0, "kundkredittid")!.Value, 9);
        Assert.Equal(20_000.0 / 100_000 * 182, report.Value(0, "leverantorskredittid")!.Value, 9);
    }

    [Fact]
    public void NoRevenue_MarginsHaveNoValue()
    {
        var report = Ratios.Of(Read("""
            #FNAMN "Vilande AB"
            #RAR 0 20230101 20231231
            #IB 0 1930 1000
            #UB 0 1930 900
            #UB 0 2081 -1000
            #RES 0 6570 100
            """).Document);
        foreach (var ratio in new[] { "bruttovinstmarginal", "nettovinstmarginal", "rorelsemarginal", "kundkredittid", "lageromsattningshastighet" })
            Assert.Null(report.Value(0, ratio));
        Assert.Equal(0.0, report.Value(0, "nettoomsattning"));
        Assert.Equal(100.0, report.Value(0, "soliditet"));
    }

    [Fact]
    public void FiveDigitAccounts_CountByTheirFirstFour_AndInternalAccountsNowhere()
    {
        var report = Ratios.Of(Read("""
            #FNAMN "Underkonton AB"
            #RAR 0 20230101 20231231
            #UB 0 15101 100
            #UB 0 19301 900
            #UB 0 9999 5000
            #RES 0 30101 -1000
            #RES 0 9000 -7000
            """).Document);
        Assert.Equal(1000.0, report.Value(0, "nettoomsattning"));
        Assert.Equal(1000.0, report.Value(0, "summa_tillgangar"));
    }

    [Fact]
    public void ChangedDefinition_IsAChangeOfYamlNotCode()
    {
        // A user who counts 78 % of untaxed reserves as equity sets the tax rate to 22 % in a copy of the library.
        var folder = Directory.CreateTempSubdirectory("styrkort-library-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Library)!, "*.yaml")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var mine = Path.Combine(folder, "bas-nyckeltal.yaml");
            File.WriteAllText(mine, File.ReadAllText(mine).Replace("bolagsskatt: 0.206", "bolagsskatt: 0.22", StringComparison.Ordinal));
            var report = Ratios.Of(mine, null, Styrkort.Accounts.Sie.SieReader.Read(Example).Document);
            Assert.Equal(100 * (340_000 + 0.78 * 30_000) / 500_000.0, report.Value(0, "soliditet")!.Value, 9);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class RatioAnalysisTestOnDuckDb(RatioAnalysisTest.ExampleReport example)
    : RatioAnalysisTest(DuckDbEngine.Instance, example), IClassFixture<RatioAnalysisTest.ExampleReport>;

public sealed class RatioAnalysisTestOnPostgres(PostgresEngine engine, RatioAnalysisTest.ExampleReport example)
    : RatioAnalysisTest(engine, example), IClassFixture<PostgresEngine>, IClassFixture<RatioAnalysisTest.ExampleReport>;
