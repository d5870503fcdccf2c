using Styrkort.Accounts.Sie;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Sie;

/// <summary>The warnings an accountant must see: on the real files that have the fault, on small files, and none on clean books.</summary>
public sealed class SieChecksTest
{
    private static IReadOnlyList<SieWarning> Warnings(string file, SieWarningKind kind) =>
        SieReader.Read(Real(file)).Warnings.Where(w => w.Kind == kind).ToList();

    [Fact]
    public void UnbalancedVoucher_InTheDeliberatelyCorruptedFile()
    {
        var warning = Assert.Single(Warnings("avendo-5.20_transaktioner_bad-balance.se", SieWarningKind.UnbalancedVoucher));
        Assert.Equal(3905, warning.Line);
        Assert.Contains("voucher B 1 of 2011-01-07 does not balance: its rows sum to -12771.00", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnbalancedVoucher_InTheTortureCase() =>
        Assert.Equal(1356, Assert.Single(Warnings("softone-xe-2015_XE_SIE_4.SE", SieWarningKind.UnbalancedVoucher)).Line);

    [Theory]
    [InlineData("fortnox-bokforing-2.0_Sie4.se", "76663.00")]
    [InlineData("bl-admin-2018_BLBLOV_SIE4_ISO_8859_15.SE", "-187195.27")]
    [InlineData("avendo-5.20_transaktioner_bad-balance.se", "1151678.15")]
    public void OpeningBalancesNotZero_WhenLastYearsResultIsNotBooked(string file, string sum) =>
        Assert.Contains(Warnings(file, SieWarningKind.OpeningBalancesNotZero), w => w.Message.Contains($"of year 0 (", StringComparison.Ordinal) && w.Message.Contains($"sum to {sum}", StringComparison.Ordinal));

    [Fact]
    public void YearCopied_WhenTheExporterRepeatsYearZero()
    {
        var warning = Assert.Single(Warnings("e-conomic-2011_sie4.se", SieWarningKind.YearCopied));
        Assert.Equal(9, warning.Line);
    }

    [Fact]
    public void NotReconciled_WhenVouchersDoNotAddUpToTheBalances()
    {
        var warnings = Warnings("e-conomic-2011_sie4.se", SieWarningKind.NotReconciled);
        Assert.Contains(warnings, w => w.Line == 1267 && w.Message.StartsWith("account 1930, year 0: opening balance -86644.80 + transactions 94000.00", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("account 7210, year 0: transactions sum to 348000.00, but the result (#RES) is 396000.00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("visma-adm2000-2022_SIE4_Exempelfil.SE")]
    [InlineData("visma-compact-6_sie4.se")]
    [InlineData("norstedts-bokslut-2011_SIE4E.se")]
    [InlineData("mamut-enterprise-14_SIE4_EXPORT.SE")]
    public void CleanBooks_HaveNoAccountingWarnings(string file)
    {
        var kinds = new[] { SieWarningKind.UnbalancedVoucher, SieWarningKind.NotReconciled, SieWarningKind.YearCopied, SieWarningKind.OpeningBalancesNotZero };
        Assert.DoesNotContain(SieReader.Read(Real(file)).Warnings, w => kinds.Contains(w.Kind));
    }

    [Fact]
    public void TheExample_HasNoWarningsAtAll() => Assert.Empty(SieReader.Read(Example).Warnings);

    [Fact]
    public void SmallFile_EveryCheck()
    {
        var result = Read("""
            #RAR 0 20230101 20231231
            #RAR -1 20220101 20221231
            #IB 0 1930 100
            #IB 0 2081 -90
            #UB 0 1930 150
            #UB 0 2081 -90
            #RES 0 3010 -60
            #UB -1 1930 150
            #UB -1 2081 -90
            #RES -1 3010 -60
            #VER A 1 20230105
            {
            #TRANS 1930 {} 50
            #TRANS 3010 {} -40
            }
            #VER A 2 20240105
            {
            #TRANS 1930 {} 0
            }
            """);
        Assert.Equal(
        [
            (SieWarningKind.UnbalancedVoucher, 11),
            (SieWarningKind.OpeningBalancesNotZero, 3),
            (SieWarningKind.NotReconciled, 7),
            (SieWarningKind.YearCopied, 2),
            (SieWarningKind.OutsideFiscalYears, 16),
        ], result.Warnings.Select(w => (w.Kind, w.Line)));
    }
}
