namespace Styrkort.Web.Api;

/// <summary>The answer to queued work: the job's id and where to follow it.</summary>
public sealed record JobAcceptedDto(string Job, string Status);

public sealed record JobDto(string Id, string Kind, string State, string Owner, string Subject, DateTime CreatedAtUtc, DateTime? FinishedAtUtc,
    string? Step, string? Message, IReadOnlyList<string> Errors, IReadOnlyList<ImportBatchDto> Batches);
