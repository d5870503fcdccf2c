namespace Styrkort.Web.Alerts;

/// <summary>
/// When the daily digest goes out: at <see cref="AlertOptions.DigestHour"/> on the clock of a time zone — 06:00 in
/// Stockholm by default, which is 05:00 UTC in winter and 04:00 UTC in summer — so that it arrives at the same hour of
/// the readers' morning the whole year round. A digest holds what was recorded before its time.
/// </summary>
public sealed record DigestSchedule
{
    public const string DefaultZone = "Europe/Stockholm";

    public DigestSchedule(TimeZoneInfo zone, int hour)
    {
        if (hour is < 0 or > 23) throw new ArgumentOutOfRangeException(nameof(hour), hour, "Alerts:DigestHour is an hour from 0 to 23");
        (Zone, Hour) = (zone, hour);
    }

    public TimeZoneInfo Zone { get; }
    public int Hour { get; }

    /// <summary>
    /// The schedule of the configuration. A zone named there must exist (a typo stops the start, rather than mailing at
    /// the wrong hour); without one, Stockholm's, or UTC where the system has no time zone data.
    /// </summary>
    public static DigestSchedule Of(AlertOptions options)
    {
        if (options.TimeZone is { Length: > 0 } name)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
                throw new InvalidOperationException($"Alerts:TimeZone '{name}' is no time zone this system knows (an IANA name such as {DefaultZone})");
            return new DigestSchedule(zone, options.DigestHour);
        }
        return new DigestSchedule(TimeZoneInfo.TryFindSystemTimeZoneById(DefaultZone, out var stockholm) ? stockholm : TimeZoneInfo.Utc, options.DigestHour);
    }

    /// <summary>The latest digest at or before <paramref name="nowUtc"/>: its time (UTC) and its day on the zone's calendar.</summary>
    public (DateTime AtUtc, DateOnly Day) Latest(DateTime nowUtc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), Zone));
        var at = AtUtc(day);
        if (at > nowUtc) at = AtUtc(day = day.AddDays(-1));
        return (at, day);
    }

    /// <summary>The digest's time on a day; an hour the clock skips (spring forward) is taken as the first hour after it.</summary>
    public DateTime AtUtc(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(Hour, 0), DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
