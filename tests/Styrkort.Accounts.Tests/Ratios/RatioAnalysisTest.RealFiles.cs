using Styrkort.Accounts.Tests.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>The library on the real files: through the whole import, the README's check values come out of its metrics.</summary>
public abstract partial class RatioAnalysisTest
{
    public static TheoryData<string, decimal, decimal> CheckValues => SieReaderTest.CheckValues;

    [Theory]
    [MemberData(nameof(CheckValues))]
    public void RealFile_NetRevenueAndTotalAssetsOfYearZero(string file, decimal netRevenue, decimal totalAssets)
    {
        var report = Ratios.Of(Real(file));
        var year = report.Years.Single(y => y.Index == 0);
        Assert.Equal(netRevenue, year.Values["nettoomsattning"]!.Value.Exact);
        Assert.Equal(totalAssets, year.Values["summa_tillgangar"]!.Value.Exact);
    }

    [Fact]
    public void Type1AndType4OfTheSameBooks_GiveTheSameRatios()
    {
        var type1 = Ratios.Of(Real("visma-compact-6_sie1.se"));
        var type4 = Ratios.Of(Real("visma-compact-6_sie4.se"));
        Assert.Equal([0, -1], type1.Years.Select(y => y.Index));
        Assert.Equal(type1.Years.Select(y => (y.Start, y.End)), type4.Years.Select(y => (y.Start, y.End)));
        foreach (var (one, four) in type1.Years.Zip(type4.Years))
            foreach (var ratio in type1.Ratios)
                Assert.True(one.Values[ratio.Name] == four.Values[ratio.Name], $"{ratio.Name}, year {one.Index}: {one.Values[ratio.Name]} and {four.Values[ratio.Name]}");
        Assert.All(type1.Years.SelectMany(y => y.Values.Values), v => Assert.NotNull(v));
    }

    [Fact]
    public void SieGruppensExample_HasTheEquityRatioOfTheIssue() =>
        Assert.Equal(84.09, Math.Round(Ratios.Of(Real("visma-adm2000-2022_SIE4_Exempelfil.SE")).Value(0, "soliditet")!.Value, 2));

    [Fact]
    public void SieGruppensExample_CurrentRatio_IsTheHandComputedOne()
    {
        // #UB 0 of the file: OT = 1400 656 728.33 + 1510 1 050 982.35 + 1710 17 000 + 1910 3 038 + 1920 131 834.23
        //   + 1930 746 686.19 + 1940 1 500 000 = 4 106 269.10; KS = −(2440 −234 973.13 + 2510 210 000 + 2650 −119 375
        //   + 2710 −24 790 + 2732 −10 500 + 2790 −250 + 2794 −7 089.31 + 2920 −163 438.89 + 2921 −44 983.21
        //   + 2940 −32 812.86 + 2941 −7 487.61) = 435 700.01; balanslikviditet = 100 × OT / KS ≈ 942.45 %.
        var report = Ratios.Of(Real("visma-adm2000-2022_SIE4_Exempelfil.SE"));
        Assert.Equal(100 * 4_106_269.10 / 435_700.01, report.Value(0, "balanslikviditet")!.Value, 9);
    }

    [Fact]
    public void YearWithoutBalances_HasNoValues()
    {
        // Fortnox declares #RAR -1 but gives no balances for it.
        var report = Ratios.Of(Real("fortnox-bokforing-2.0_Sie4.se"));
        Assert.All(report.Years.Single(y => y.Index == -1).Values.Values, v => Assert.Null(v));
    }

    [Fact]
    public void BrokenFiscalYear_IsDatedByItsEnd()
    {
        var report = Ratios.Of(Real("norstedts-bokslut-2011_SIE4E.se"));
        Assert.Equal((new DateOnly(2009, 7, 1), new DateOnly(2010, 6, 30)), (report.Years[0].Start, report.Years[0].End));
        Assert.Equal(4_726_937.60m, report.Years[0].Values["nettoomsattning"]!.Value.Exact);
    }
}
