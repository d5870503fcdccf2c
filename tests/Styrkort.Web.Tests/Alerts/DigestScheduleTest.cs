using Styrkort.Web.Alerts;

namespace Styrkort.Web.Tests.Alerts;

/// <summary>The digest goes out at its hour on the readers' clock (Stockholm by default), summer and winter alike.</summary>
public sealed class DigestScheduleTest
{
    private static readonly DigestSchedule Stockholm = DigestSchedule.Of(new AlertOptions());

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Default_IsSixInTheMorningInStockholm()
    {
        Assert.Equal(DigestSchedule.DefaultZone, Stockholm.Zone.Id);
        Assert.Equal(6, Stockholm.Hour);
    }

    [Fact]
    public void Latest_InWinter_IsFiveUtc_AndInSummerFourUtc()
    {
        Assert.Equal((Utc(2026, 12, 4, 5), new DateOnly(2026, 12, 4)), Stockholm.Latest(Utc(2026, 12, 4, 5)));
        Assert.Equal((Utc(2026, 7, 1, 4), new DateOnly(2026, 7, 1)), Stockholm.Latest(Utc(2026, 7, 1, 9)));
    }

    [Fact]
    public void Latest_BeforeTheHour_IsYesterdays()
    {
        Assert.Equal((Utc(2026, 12, 3, 5), new DateOnly(2026, 12, 3)), Stockholm.Latest(Utc(2026, 12, 4, 4, 59)));
        // Late in the evening UTC it is already tomorrow in Stockholm, but not yet six.
        Assert.Equal((Utc(2026, 12, 4, 5), new DateOnly(2026, 12, 4)), Stockholm.Latest(Utc(2026, 12, 4, 23, 30)));
    }

    [Fact]
    public void AtUtc_AnHourTheClockSkips_IsTheHourAfter()
    {
        // 29 March 2026: Stockholm's clocks go from 02:00 to 03:00.
        var two = new DigestSchedule(Stockholm.Zone, 2);
        Assert.Equal(Utc(2026, 3, 29, 1), two.AtUtc(new DateOnly(2026, 3, 29)));
        Assert.Equal(Utc(2026, 3, 28, 1), two.AtUtc(new DateOnly(2026, 3, 28)));
    }

    [Fact]
    public void Of_AZoneThatDoesNotExist_StopsTheStart_AndAnHourOutsideTheDayToo()
    {
        Assert.Contains("Europe/Stokholm", Assert.Throws<InvalidOperationException>(() => DigestSchedule.Of(new AlertOptions { TimeZone = "Europe/Stokholm" })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestSchedule.Of(new AlertOptions { DigestHour = 24 }));
        Assert.Equal(TimeZoneInfo.Utc.Id, DigestSchedule.Of(new AlertOptions { TimeZone = "UTC" }).Zone.Id);
    }
}
