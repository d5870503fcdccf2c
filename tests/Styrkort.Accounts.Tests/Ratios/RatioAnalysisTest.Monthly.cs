using Styrkort.Accounts.Sie;
using Styrkort.Core.GoalFiles;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>
/// The ratios month by month (libraries/bas-nyckeltal-manad.yaml) from the vouchers: balances at the period's end,
/// results over the rolling 12 months, no value where the vouchers do not cover the months.
/// </summary>
public abstract partial class RatioAnalysisTest
{
    private static readonly string[] ProfitAndLoss =
    [
        "bruttovinstmarginal", "nettovinstmarginal", "rorelsemarginal", "kundkredittid", "leverantorskredittid",
        "lageromsattningshastighet", "avkastning_eget_kapital", "nettoomsattning", "ebitda",
    ];

    [Fact]
    public void Example_June_IsTheHandComputedBalanceAtItsEnd()
    {
        // Vouchers up to 2023-06-30: C 2 (01-01) 1930 −120 000, 5010 +120 000 (the added row; the removed one does not
        // count); A 1 (06-30) 1510 +1 200 000, 3010 −1 000 000, 3051 −200 000. With the opening balances:
        // 1220 100 000, 1460 40 000, 1510 80 000 + 1 200 000, 1930 88 732 − 120 000 = −31 268
        //   → TA 1 388 732, OT 1 288 732, VL 40 000;
        // 2150 −20 000 (OBR 20 000), 2350 −70 000, 2440 −35 000, 2710 −12 000, 2990 −8 000 → KS 55 000;
        // EK = TA + UB(2100–2999) = 1 388 732 − 145 000 = 1 243 732.
        var report = Ratios.ByPeriod(["2023-06", "2023-Q2"], SieReader.Read(Example).Document);
        Assert.Equal(1_388_732.0, report.Value("2023-06", "summa_tillgangar"));
        Assert.Equal(1_243_732.0, report.Value("2023-06", "eget_kapital"));
        Assert.Equal(100 * (1_243_732 + (1 - 0.206) * 20_000) / 1_388_732.0, report.Value("2023-06", "soliditet")!.Value, 9);
        Assert.Equal(100 * (1_288_732 - 40_000) / 55_000.0, report.Value("2023-06", "kassalikviditet")!.Value, 9);
        Assert.Equal(100 * 1_288_732 / 55_000.0, report.Value("2023-06", "balanslikviditet")!.Value, 9);
        // The quarter's balances are those at its end; the file's vouchers begin in 2023, so no 12 months of results.
        Assert.Equal(report.Periods[0].Values, report.Periods[1].Values);
        Assert.All(ProfitAndLoss, r => Assert.Null(report.Value("2023-06", r)));
    }

    [Fact]
    public void Example_TheMonthClosingTheFiscalYear_IsTheAnnualRatio()
    {
        var report = Ratios.ByPeriod(["2023-12", "2024-01", "2022-12"], SieReader.Read(Example).Document);
        foreach (var ratio in _example.Ratios)
            Assert.Equal(_example.Value(0, ratio.Name), report.Value("2023-12", ratio.Name));
        // After the file's last voucher month, and in a year without vouchers (−1): no value, not the last known one.
        Assert.All(report.Periods[1].Values.Values, v => Assert.Null(v));
        Assert.All(report.Periods[2].Values.Values, v => Assert.Null(v));
    }

    [Fact]
    public void RollingTwelveMonths_AcrossTwoFiscalYears_IsHandComputed()
    {
        // 2022: 03-15 invoice 100 000, 09-15 invoice 50 000, 10-01 payment 100 000; 2023: 02-15 invoice 80 000, 08-01 invoice 40 000.
        // 2023-06: the 12 months 2022-07 … 2023-06 sold 50 000 + 80 000 = 130 000 (NR); receivables at 2023-06-30 are
        // IB 2023 50 000 + 80 000 = 130 000, and 12 months before (2022-06-30) 100 000 = 130 000 − (50 000 − 100 000 + 80 000);
        // kundkredittid = ((100 000 + 130 000) / 2) / 130 000 × 365 = 322.9 days.
        var report = Ratios.ByPeriod(["2023-06", "2022-06", "2022-12"], Read("""
            #FNAMN "Två år AB"
            #RAR 0 20230101 20231231
            #RAR -1 20220101 20221231
            #IB -1 1930 100000
            #IB -1 2081 -100000
            #IB 0 1930 200000
            #IB 0 1510 50000
            #IB 0 2081 -100000
            #IB 0 2099 -150000
            #VER A 1 20220315
            {
            #TRANS 1510 {} 100000
            #TRANS 3010 {} -100000
            }
            #VER A 2 20220915
            {
            #TRANS 1510 {} 50000
            #TRANS 3010 {} -50000
            }
            #VER A 3 20221001
            {
            #TRANS 1930 {} 100000
            #TRANS 1510 {} -100000
            }
            #VER A 1 20230215
            {
            #TRANS 1510 {} 80000
            #TRANS 3010 {} -80000
            }
            #VER A 2 20230801
            {
            #TRANS 1510 {} 40000
            #TRANS 3010 {} -40000
            }
            """).Document);
        Assert.Equal(130_000.0, report.Value("2023-06", "nettoomsattning"));
        Assert.Equal(100.0, report.Value("2023-06", "rorelsemarginal"));
        Assert.Equal((100_000 + 130_000) / 2.0 / 130_000 * 365, report.Value("2023-06", "kundkredittid")!.Value, 9);
        // 2022-06: its 12 months begin in 2021, which has no vouchers: results have no value, the balance has one.
        Assert.Null(report.Value("2022-06", "nettoomsattning"));
        Assert.Equal(200_000.0, report.Value("2022-06", "summa_tillgangar"));
        // 2022-12 is the fiscal year 2022 whole: 150 000 sold.
        Assert.Equal(150_000.0, report.Value("2022-12", "nettoomsattning"));
    }

    [Fact]
    public void BalancesOnly_HaveNoMonthlyValues()
    {
        // Visma Compact's type 1 export has balances and no vouchers: every month is without value.
        var report = Ratios.ByPeriod(["2010-12", "2010-06"], SieReader.Read(Real("visma-compact-6_sie1.se")).Document);
        Assert.All(report.Periods.SelectMany(p => p.Values.Values), v => Assert.Null(v));
    }

    public static TheoryData<string> ReconcilingFiles =>
    [
        "bl-admin-2011_BL0001_typ4.SE", "bl-admin-2018_BLBLOV_SIE4_ISO_8859_15.SE", "briljant-09_Test4.SE", "fortnox-bokforing-2.0_Sie4.se",
        "mamut-enterprise-14_SIE4_EXPORT.SE", "norstedts-bokslut-2011_SIE4E.se", "visma-adm2000-2022_SIE4_Exempelfil.SE", "visma-compact-6_sie4.se",
    ];

    [Theory]
    [MemberData(nameof(ReconcilingFiles))]
    public void RealFile_TheMonthClosingTheFiscalYear_IsTheAnnualRatio(string file)
    {
        // Files whose vouchers reconcile with their balances and cover year 0 (two of them broken years, ending in June).
        var document = SieReader.Read(Real(file)).Document;
        var annual = Ratios.Of(document);
        var year = annual.Years.Single(y => y.Index == 0);
        var monthly = Ratios.ByPeriod([$"{year.End.Year:D4}-{year.End.Month:D2}"], document).Periods.Single();
        foreach (var ratio in annual.Ratios)
        {
            var (a, m) = (year.Values[ratio.Name]?.AsDouble, monthly.Values[ratio.Name]?.AsDouble);
            Assert.True(a is null ? m is null : m is { } v && Math.Abs(v - a.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value)),
                $"{ratio.Name}: annual {a}, the month {m}");
        }
    }

    [Fact]
    public void TheTwoLibraries_HaveTheSameMetrics()
    {
        // The monthly library copies the metrics of the annual one: the same names, labels, units and formulas.
        static IEnumerable<(string, string?, string?, string)> Metrics(string path) =>
            GoalFileReader.Read(path).Metrics.Values.Select(m => (m.Name, m.Labels?.Swedish, m.Unit, m.Formula.Text));
        Assert.Equal(Metrics(Library), Metrics(MonthlyLibrary));
    }
}
