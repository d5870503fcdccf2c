using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
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

    public string? MetricUnit(Goal goal) => site.Goals.Metrics[goal.Metric].Unit;
    public Metric Metric(Goal goal) => site.Goals.Metrics[goal.Metric];
}
