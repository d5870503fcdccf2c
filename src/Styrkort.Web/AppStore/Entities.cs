using Microsoft.AspNetCore.Identity;

namespace Styrkort.Web.AppStore;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The units a unit manager writes check-ins for, separated by ';' (their subtrees included).</summary>
    public string ManagedUnits { get; set; } = "";
}

/// <summary>A goal owner's analysis of a goal for a unit and quarter, with the actions decided.</summary>
public sealed class CheckIn
{
    public int Id { get; set; }
    public string GoalId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Analysis { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public List<CheckInAction> Actions { get; set; } = [];
}

public sealed class CheckInAction
{
    public int Id { get; set; }
    public int CheckInId { get; set; }
    public string What { get; set; } = "";
    public string Who { get; set; } = "";
    public DateOnly? Due { get; set; }
    public string State { get; set; } = ActionStates.Open;
}

public static class ActionStates
{
    public const string Open = "open";
    public const string InProgress = "in_progress";
    public const string Done = "done";
    public static readonly string[] All = [Open, InProgress, Done];
}

/// <summary>
/// One step in the life of a board-decided (S) target level: a proposal or a decision. Rows are never updated, so the
/// table is the history; the level in force is the latest decision.
/// </summary>
public sealed class TargetDecision
{
    public int Id { get; set; }
    public string GoalId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public int Year { get; set; }
    public decimal Level { get; set; }
    public string Kind { get; set; } = TargetKinds.Proposal;
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? MinuteReference { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

public static class TargetKinds
{
    public const string Proposal = "proposal";
    public const string Decision = "decision";
}

public sealed class ImportBatch
{
    public int Id { get; set; }
    public string Dataset { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Rows { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>A personal API token; only its SHA-256 is stored, the token itself is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
