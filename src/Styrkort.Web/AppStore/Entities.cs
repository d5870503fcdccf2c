using Microsoft.AspNetCore.Identity;

namespace Styrkort.Web.AppStore;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The units a unit manager writes check-ins for, separated by ';' (their subtrees included).</summary>
    public string ManagedUnits { get; set; } = "";
    /// <summary>A disabled account cannot sign in, and its sessions and API tokens stop working at once.</summary>
    public bool Disabled { get; set; }
}

/// <summary>
/// A goal owner's analysis of a goal for a unit and quarter, with the actions decided: the current state, which the
/// pages and the report read. Every save also adds a <see cref="CheckInVersion"/>, so the versions are its history.
/// </summary>
public sealed class CheckIn
{
    public int Id { get; set; }
    public string GoalId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string Period { get; set; } = "";
    public string Analysis { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>
    /// The number of the latest version (1, 2, 3, …). A save names the version it was edited from and is refused when
    /// that is no longer this one; it is also the concurrency token, so two saves at the same moment cannot both win.
    /// </summary>
    public int Version { get; set; }
    public List<CheckInAction> Actions { get; set; } = [];
    public List<CheckInVersion> Versions { get; set; } = [];
}

/// <summary>
/// One saved version of a check-in, as it was saved: rows are only ever added (the database refuses updates and
/// deletes). The actions are kept as JSON (<see cref="Api.CheckInVersions"/> reads and writes it): a version is read
/// whole, never queried by its actions.
/// </summary>
public sealed class CheckInVersion
{
    public int Id { get; set; }
    public int CheckInId { get; set; }
    public int Number { get; set; }
    public string Analysis { get; set; } = "";
    public string Actions { get; set; } = "[]";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAtUtc { get; set; }
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
    public const string Open = Core.Presentation.ActionStateNames.Open;
    public const string InProgress = Core.Presentation.ActionStateNames.InProgress;
    public const string Done = Core.Presentation.ActionStateNames.Done;
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
    /// <summary>A proposal taken back before the board decided it: a row of its own, so the history keeps both.</summary>
    public const string Withdrawal = "withdrawal";
}

/// <summary>A personal API token; only its SHA-256 is stored, the token itself is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>After this the token is refused; every token has one.</summary>
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}

/// <summary>
/// One change, as it happened: who, when, what. Rows are only ever added (the database refuses updates and deletes),
/// so the table is the audit trail.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The user name of who did it ("system" for the application itself).</summary>
    public string Actor { get; set; } = "";
    /// <summary>What kind of change, e.g. <c>import</c>, <c>target.decision</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What it was done to: a goal, unit and period, a dataset, an account, a goal-file version.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The change itself in words (never a password or a token).</summary>
    public string Details { get; set; } = "";
}

public static class AuditActions
{
    public const string Import = "import";
    public const string TargetProposal = "target.proposal";
    public const string TargetDecision = "target.decision";
    public const string TargetWithdrawal = "target.withdrawal";
    public const string GoalFileSave = "goalfile.save";
    public const string GoalFileRestore = "goalfile.restore";
    /// <summary>A check-in saved; the details name the version it became.</summary>
    public const string CheckIn = "checkin";
    public const string AccountCreate = "account.create";
    public const string AccountUpdate = "account.update";
    public const string AccountDisable = "account.disable";
    public const string AccountEnable = "account.enable";
    public const string AccountDelete = "account.delete";
    public const string PasswordReset = "account.password_reset";
    public const string PasswordChange = "account.password_change";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string SignIn = "signin";
    public const string SignInFailed = "signin.failed";
    public const string SignOut = "signout";
    public const string AlertSubscribe = "alert.subscribe";
    public const string AlertUnsubscribe = "alert.unsubscribe";
}

/// <summary>
/// One version of the goal file. The goal file belongs to the data folder: the file given at start only seeds version 1;
/// every save and restore adds a version, so the table is its history.
/// </summary>
public sealed class GoalFileVersion
{
    public int Id { get; set; }
    /// <summary>1, 2, 3, …: a save names the version it started from, and is refused if that is no longer the latest.</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAtUtc { get; set; }
    /// <summary>How it came to be: <c>seed</c>, <c>save</c>, or <c>restore of N</c>.</summary>
    public string Origin { get; set; } = "";
}
