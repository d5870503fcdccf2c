namespace Styrkort.Web.Api;

public sealed record GoalDto(string Id, string NameSv, string NameEn, string Area, string Type, string Metric, string Formula,
    string? Comparison, string Rule, string Level, IReadOnlyList<string> BoardQuarters);

/// <param name="Warning">The warning zone's edge (at_risk between it and the level), where the target has one.</param>
public sealed record TargetDto(string Rule, string Source, decimal? Level, decimal? AnnualLevel, decimal? Min, decimal? Max, bool Phased, decimal? Warning = null);

/// <summary>The band a value fell in (a bonus step), in both languages: the API answers the same whoever asks.</summary>
public sealed record BandDto(string Sv, string En);

public sealed record OutcomeDto(string Goal, string Unit, double? Value, double? Comparison, string Status, bool Scheduled, TargetDto Target, BandDto? Band = null);

public sealed record OutcomesDto(string Period, IReadOnlyList<OutcomeDto> Results);

public sealed record SeriesPointDto(string Period, string Unit, double? Value, double? Comparison, decimal? Target, string Status);

public sealed record ActionDto(string What, string Who, DateOnly? Due, string State);

/// <param name="Version">
/// In an answer, the check-in's latest version. In a save, the version it was edited from: a save over an older
/// version is refused (409); leave it out (or 0) to write a check-in that has none yet.
/// </param>
public sealed record CheckInDto(string Goal, string Unit, string Period, string Analysis, IReadOnlyList<ActionDto> Actions, string? UpdatedBy, DateTime? UpdatedAtUtc,
    int? Version = null);

/// <summary>One saved version of a check-in (GET /api/checkins/versions), newest first.</summary>
public sealed record CheckInVersionDto(int Version, string Analysis, IReadOnlyList<ActionDto> Actions, string SavedBy, DateTime SavedAtUtc);

/// <summary>A save refused because it was edited from an older version: why, and the version saved since.</summary>
public sealed record CheckInConflictDto(string Error, CheckInVersionDto Current);

/// <summary>One dataset's import in the import history; <paramref name="Id"/> is the batch (the datasets of one import share it), <paramref name="ImportedBy"/> null for the command line.</summary>
public sealed record ImportBatchDto(long Id, string Dataset, string FileName, string Sha256, long Rows, string? ImportedBy, DateTime ImportedAtUtc);

public sealed record ErrorDto(string Error, IReadOnlyList<string>? Details = null);
