using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>
/// The board-decided (S) levels per unit and year: proposals, decisions and their history. A decision recorded here
/// takes precedence over the imported target table and recomputes the outcomes. Owner-decided (Ä) levels are read-only.
/// </summary>
public sealed class TargetsModel(SiteState site, AppDb db) : PageModel
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
        var problem = BoardGoals.All(g => g.Id != goal) ? $"'{goal}' is not a goal whose level the board decides"
            : !site.UseWarehouse(w => w.UnitIds()).Contains(unit) ? $"unknown unit '{unit}'"
            : ParseLevel(level) is null ? $"level: '{level}' is not a number"
            : kind is not (TargetKinds.Proposal or TargetKinds.Decision) ? "kind: expected proposal or decision"
            : kind == TargetKinds.Decision && decidedOn is null ? "a decision needs its date"
            : null;
        if (problem is not null)
        {
            Error = problem;
            await LoadAsync(year, null);
            return Page();
        }
        db.TargetDecisions.Add(new TargetDecision
        {
            GoalId = goal, UnitId = unit, Year = year, Level = ParseLevel(level)!.Value,
            Kind = kind, DecidedOn = decidedOn, DecidedBy = decidedBy, MinuteReference = minute,
            RecordedBy = User.Identity!.Name!, RecordedAtUtc = site.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        if (kind == TargetKinds.Decision) site.Recompute(AppStoreSetup.DecidedLevels(db));
        return Redirect($"/targets?year={year}&saved={Uri.EscapeDataString(goal + "/" + unit)}");
    }

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
        Units = site.UseWarehouse(w => w.HasUnits) ? site.Outcomes(site.DefaultQuarter).Units : [];
        _imported = site.Goals.TargetLevels is { } source ? site.UseWarehouse(w => w.ImportedLevels(source)) : _imported;
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
