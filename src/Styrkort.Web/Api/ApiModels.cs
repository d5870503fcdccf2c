using System.Text.Json.Serialization;

namespace Styrkort.Web.Api;

public sealed record GoalDto(string Id, string NameSv, string NameEn, string Area, string Type, string Metric, string Formula,
    string? Comparison, string Rule, string Level, IReadOnlyList<string> BoardQuarters);

/// <param name="Warning">The warning zone's edge (at_risk between it and the level), where the target has one.</param>
public sealed record TargetDto(string Rule, string Source, decimal? Level, decimal? AnnualLevel, decimal? Min, decimal? Max, bool Phased, decimal? Warning = null);

/// <summary>The band a value fell in (a bonus step), in both languages: the API answers the same whoever asks.</summary>
public sealed record BandDto(string Sv, string En);

/// <param name="Forecast">The year-end forecast, only where there is one (the quarter the insights are computed for).</param>
/// <param name="Anomaly">Only on a value flagged as far outside its own history.</param>
/// <param name="Change">What drove the change since the period before, only where the value changed.</param>
/// <param name="BoardChange">What drove the change since the board last saw the goal, only where the value changed since
/// then and that was not the period before.</param>
public sealed record OutcomeDto(string Goal, string Unit, double? Value, double? Comparison, string Status, bool Scheduled, TargetDto Target, BandDto? Band = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ForecastDto? Forecast = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnomalyDto? Anomaly = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChangeDto? Change = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChangeDto? BoardChange = null);

/// <summary>A goal's value forecast for the end of its target's year: central value, 80 % interval, chance of meeting the level (null without one).</summary>
public sealed record ForecastDto(string Period, double Value, double Low, double High, double? ProbabilityMet, string Method, int Months);

/// <summary>A value far outside its own history: the month, its value against the expected one, the robust z-score and why, in both languages.</summary>
public sealed record AnomalyDto(bool Flagged, string Month, double Value, double Expected, double Score, TextDto Reason);

public sealed record TextDto(string Sv, string En);

public sealed record ChangeDto(string From, double Before, double After, double Change, bool Decomposed, TextDto Sentence, IReadOnlyList<ChangePartDto> Contributors);

/// <param name="Kind">contribution, rate or mix.</param>
public sealed record ChangePartDto(string Dimension, string? Key, string Label, string Kind, double Effect, double Share, bool Rest);

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
