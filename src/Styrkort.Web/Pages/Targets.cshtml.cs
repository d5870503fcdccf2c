using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Audit;
using Styrkort.Web.Hosting;
using Styrkort.Web.Jobs;

namespace Styrkort.Web.Pages;

/// <summary>
/// The board-decided (S) levels per unit and year: proposals, decisions and their history. A decision recorded here
/// takes precedence over the imported target table and recomputes the outcomes. Owner-decided (Ä) levels are read-only.
/// </summary>
public sealed class TargetsModel(SiteState site, AppDb db, JobQueue jobs) : PageModel
{
    private IReadOnlyDictionary<(string, string, int), decimal> _imported = new Dictionary<(string, string, int), decimal>();

    public int Year { get; private set; }
    public IReadOnlyList<Goal> BoardGoals => site.Goals.Goals.Where(g => g.Target.FromBoard).ToList();
    public IReadOnlyList<Goal> OwnerGoals => site.Goals.Goals.Where(g => !g.Target.FromBoard).ToList();
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<TargetDecision> History { get; private set; } = [];
    public bool MayEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Controller);
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    /// <summary>What the user typed in a refused submission, shown again beside the reason so nothing is typed twice.</summary>
    public RecordForm? Typed { get; private set; }

    public sealed record RecordForm(string Goal, string Unit, int Year, string Level, string Kind, DateOnly? DecidedOn, string? DecidedBy, string? Minute);

    public async Task OnGetAsync(int? year, string? saved) => await LoadAsync(year ?? site.DefaultQuarter.Year, saved);

    public async Task<IActionResult> OnPostAsync(string goal, string unit, int year, string level, string kind, DateOnly? decidedOn, string? decidedBy, string? minute)
    {
        if (!MayEdit) return Forbid();
        var snapshot = site.Current;
        var parsed = ParseLevel(level);
        var (firstYear, lastYear) = site.SaneYears;
        var problem = BoardGoals.All(g => g.Id != goal) ? $"'{goal}' is not a goal whose level the board decides"
            : !snapshot.UnitIds.Contains(unit) ? $"unknown unit '{unit}'"
            : year < firstYear || year > lastYear ? $"year: {year} is outside {firstYear}–{lastYear}"
            : parsed is null ? $"level: '{level}' is not a number"
            : Math.Abs(parsed.Value) > MaxLevel ? $"level: {level} is beyond ±10¹²"
            : kind is not (TargetKinds.Proposal or TargetKinds.Decision) ? "kind: expected proposal or decision"
            : kind == TargetKinds.Decision && decidedOn is null ? "a decision needs its date"
            : null;
        if (problem is not null)
        {
            Error = problem;
            Typed = new RecordForm(goal, unit, year, level, kind, decidedOn, decidedBy, minute);
            await LoadAsync(year >= firstYear && year <= lastYear ? year : site.DefaultQuarter.Year, null);
            // The form is shown again with the reason; the status says the request was refused.
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var user = User.Identity!.Name!;
        db.TargetDecisions.Add(new TargetDecision
        {
            GoalId = goal, UnitId = unit, Year = year, Level = parsed!.Value,
            Kind = kind, DecidedOn = decidedOn, DecidedBy = decidedBy, MinuteReference = minute,
            RecordedBy = user, RecordedAtUtc = site.Clock.GetUtcNow().UtcDateTime,
        });
        AuditTrail.Record(db, site.Clock, user, kind == TargetKinds.Decision ? AuditActions.TargetDecision : AuditActions.TargetProposal,
            $"{goal}/{unit}/{year}", $"level {parsed.Value.ToString(CultureInfo.InvariantCulture)}" +
            (kind == TargetKinds.Decision ? $", decided {decidedOn:yyyy-MM-dd} by {decidedBy} ({minute})" : ""));
        await db.SaveChangesAsync();
        // A decision changes outcomes: recomputed in the queue, so this answers at once.
        if (kind == TargetKinds.Decision) Recompute.Enqueue(jobs, site, user, $"target level {goal}/{unit}/{year}");
        return Redirect($"/targets?year={year}&saved={Uri.EscapeDataString(goal + "/" + unit)}");
    }

    /// <summary>
    /// Takes back a proposal the board has not decided yet. Its author may, and so may an admin or controller; it is
    /// recorded as a row of its own and audited, so the history shows the proposal and who withdrew it when.
    /// </summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        var user = User.Identity?.Name;
        var proposal = await db.TargetDecisions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Kind == TargetKinds.Proposal);
        if (proposal is null || user is null) return NotFound();
        if (!MayWithdraw(proposal)) return Forbid();
        if (!await IsOpenAsync(proposal))
        {
            Error = $"the proposal {proposal.GoalId}/{proposal.UnitId}/{proposal.Year} is no longer open: it was decided, withdrawn or replaced";
            await LoadAsync(proposal.Year, null);
            HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        db.TargetDecisions.Add(new TargetDecision
        {
            GoalId = proposal.GoalId, UnitId = proposal.UnitId, Year = proposal.Year, Level = proposal.Level,
            Kind = TargetKinds.Withdrawal, RecordedBy = user, RecordedAtUtc = site.Clock.GetUtcNow().UtcDateTime,
        });
        AuditTrail.Record(db, site.Clock, user, AuditActions.TargetWithdrawal, $"{proposal.GoalId}/{proposal.UnitId}/{proposal.Year}",
            $"proposal {proposal.Id} (level {proposal.Level.ToString(CultureInfo.InvariantCulture)}, by {proposal.RecordedBy}) withdrawn");
        await db.SaveChangesAsync();
        // Only decisions change outcomes, so nothing is recomputed.
        return Redirect($"/targets?year={proposal.Year}&saved={Uri.EscapeDataString(proposal.GoalId + "/" + proposal.UnitId)}");
    }

    public bool MayWithdraw(TargetDecision proposal) =>
        MayEdit || string.Equals(proposal.RecordedBy, User.Identity?.Name, StringComparison.Ordinal);

    /// <summary>A proposal is open while it is the latest word on its goal, unit and year: no decision, withdrawal or newer proposal after it.</summary>
    private Task<bool> IsOpenAsync(TargetDecision proposal) =>
        db.TargetDecisions.AllAsync(t => t.GoalId != proposal.GoalId || t.UnitId != proposal.UnitId || t.Year != proposal.Year || t.Id <= proposal.Id);

    /// <summary>Whether the history row is an open proposal this user may withdraw (for the button).</summary>
    public bool Withdrawable(TargetDecision row) =>
        row.Kind == TargetKinds.Proposal && MayWithdraw(row)
        && History.Where(h => h.GoalId == row.GoalId && h.UnitId == row.UnitId).MaxBy(h => h.Id)?.Id == row.Id;

    /// <summary>No board decides a level beyond a trillion; a larger number is a typing mistake.</summary>
    public const decimal MaxLevel = 1_000_000_000_000m;

    /// <summary>Accepts Swedish and invariant forms: "1 234 567,5" and "1234567.5".</summary>
    internal static decimal? ParseLevel(string? text)
    {
        if (text is null) return null;
        var plain = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private async Task LoadAsync(int year, string? saved)
    {
        Year = year;
        Message = saved is null ? null : "✓ " + saved;
        var snapshot = site.Current;
        Units = snapshot.Units;
        _imported = snapshot.ImportedLevels;
        History = await db.TargetDecisions.AsNoTracking().Where(t => t.Year == year).OrderByDescending(t => t.Id).ToListAsync();
    }

    public (decimal? Level, string Source) LevelInForce(string goal, string unit)
    {
        var decision = History.Where(h => h.GoalId == goal && h.UnitId == unit && h.Kind == TargetKinds.Decision).MaxBy(h => h.Id);
        if (decision is not null) return (decision.Level, decision.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        return _imported.TryGetValue((goal, unit, Year), out var l) ? (l, "import") : (null, "");
    }

    public decimal? PendingProposal(string goal, string unit)
    {
        var latest = History.Where(h => h.GoalId == goal && h.UnitId == unit).MaxBy(h => h.Id);
        return latest is { Kind: TargetKinds.Proposal } ? latest.Level : null;
    }

    /// <summary>A goal by its name in the page's language, or its id when the goal file no longer has it.</summary>
    public string GoalName(string id, Core.Presentation.Language lang) => site.Goals.Goals.FirstOrDefault(g => g.Id == id)?.Name.For(lang) ?? id;

    public string UnitName(string id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? id;

    /// <summary>A level with its own decimals, in the goal's metric unit when the goal is still in the goal file.</summary>
    public string Level(decimal level, string goalId, Core.Presentation.Language lang) =>
        SwedishFormat.Exact(level, site.Goals.Goals.FirstOrDefault(g => g.Id == goalId) is { } g ? MetricUnit(g) : null, lang);

    public string? MetricUnit(Goal goal) => site.Goals.Metrics[goal.Metric].Unit;
    public Metric Metric(Goal goal) => site.Goals.Metrics[goal.Metric];
}
