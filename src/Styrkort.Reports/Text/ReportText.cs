using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Reports;

/// <summary>The report's own words, in Swedish and English. Goal and area names come from the goal file.</summary>
public sealed record ReportText
{
    public static readonly ReportText Swedish = new();

    public static readonly ReportText English = new()
    {
        Title = "Board report", Organisation = "Organisation", Unit = "Unit", Period = "Period", Produced = "Produced",
        Summary = "Summary", SummaryIntro = "The goals on the board's agenda this quarter, by goal area. Change is against the board's previous report of the goal.",
        NoGoals = "The board follows up no goal this quarter.",
        Goal = "Goal", Value = "Value", Target = "Target", Comparison = "Comparison", Status = "Status", Change = "Change",
        PreviousReport = "Previous report", Area = "Goal area", GoalType = "Goal type", OwnersDecide = "level set by the owners",
        BoardDecides = "level set by each board", Agenda = "Board quarters", QuarterLetter = "Q",
        LastQuarters = "The last eight quarters", LastYears = "The last eight years (each year as of its fourth quarter)",
        Min = "Lowest", Max = "Highest", ByUnit = "By unit", Analysis = "Goal owner's analysis", Actions = "Actions",
        What = "What", Who = "Who", Due = "Due", State = "State", Open = "Open", InProgress = "In progress", Done = "Done",
        Appendix = "Appendix: definitions and data sources", Definitions = "Goal definitions", Formula = "Formula",
        ComparisonFormula = "Comparison", TargetRuleLabel = "Target rule", Data = "Data", SharedTerms = "Shared terms",
        Parameters = "Parameters", Values = "Values", Functions = "Functions", Populations = "Populations",
        Sources = "Data sources", SourcesIntro = "The latest import of each dataset in the warehouse the numbers were computed from.",
        Dataset = "Dataset", File = "File", Rows = "Rows", Imported = "Imported (UTC)", Page = "Page",
        Serves = "Serves", Owner = "Owner", Deadline = "Deadline", WrittenBy = "Written by", Folder = "Imported from", Contents = "Contents", Versus = "vs",
        MissingCheckIns = "Missing analyses", MissingIntro = "The goals and units of this report without the goal owner's analysis for the quarter.",
        NoneMissing = "Every analysis has been written.", UnitsWithout = "Units without an analysis", UnitId = "Unit id", GoalId = "Goal id",
    };

    public string Title { get; init; } = "Styrelserapport";
    public string Organisation { get; init; } = "Organisation";
    public string Unit { get; init; } = "Enhet";
    public string Period { get; init; } = "Period";
    public string Produced { get; init; } = "Framtagen";
    public string Summary { get; init; } = "Sammanfattning";
    public string SummaryIntro { get; init; } = "Målen som styrelsen följer upp detta kvartal, per målområde. Förändringen avser styrelsens föregående rapport av målet.";
    public string NoGoals { get; init; } = "Styrelsen följer inte upp något mål detta kvartal.";
    public string Goal { get; init; } = "Mål";
    public string Value { get; init; } = "Utfall";
    public string Target { get; init; } = "Målnivå";
    public string Comparison { get; init; } = "Jämförelse";
    public string Status { get; init; } = "Status";
    public string Change { get; init; } = "Förändring";
    public string PreviousReport { get; init; } = "Föregående rapport";
    public string Area { get; init; } = "Målområde";
    public string GoalType { get; init; } = "Måltyp";
    public string OwnersDecide { get; init; } = "nivån beslutas av ägaren";
    public string BoardDecides { get; init; } = "nivån beslutas av varje styrelse";
    public string Agenda { get; init; } = "Till styrelsen";
    public string Serves { get; init; } = "Tjänar";
    public string Owner { get; init; } = "Ägare";
    public string Deadline { get; init; } = "Deadline";
    public string QuarterLetter { get; init; } = "K";
    public string LastQuarters { get; init; } = "De senaste åtta kvartalen";
    public string LastYears { get; init; } = "De senaste åtta åren (varje år per dess fjärde kvartal)";
    public string Min { get; init; } = "Lägsta";
    public string Max { get; init; } = "Högsta";
    public string ByUnit { get; init; } = "Per enhet";
    public string Analysis { get; init; } = "Målägarens analys";
    public string Actions { get; init; } = "Åtgärder";
    public string What { get; init; } = "Vad";
    public string Who { get; init; } = "Vem";
    public string Due { get; init; } = "Klart senast";
    public string State { get; init; } = "Läge";
    public string Open { get; init; } = "Ej påbörjad";
    public string InProgress { get; init; } = "Pågår";
    public string Done { get; init; } = "Klar";
    public string Appendix { get; init; } = "Bilaga: definitioner och datakällor";
    public string Definitions { get; init; } = "Målens definitioner";
    public string Formula { get; init; } = "Formel";
    public string ComparisonFormula { get; init; } = "Jämförelse";
    public string TargetRuleLabel { get; init; } = "Målregel";
    public string Data { get; init; } = "Data";
    public string SharedTerms { get; init; } = "Gemensamma begrepp";
    public string Parameters { get; init; } = "Parametrar";
    public string Values { get; init; } = "Värden";
    public string Functions { get; init; } = "Funktioner";
    public string Populations { get; init; } = "Populationer";
    public string Sources { get; init; } = "Datakällor";
    public string SourcesIntro { get; init; } = "Den senaste importen av varje datamängd i det datalager som siffrorna räknades fram ur.";
    public string Dataset { get; init; } = "Datamängd";
    public string File { get; init; } = "Fil";
    public string Rows { get; init; } = "Rader";
    public string Imported { get; init; } = "Importerad (UTC)";
    public string Page { get; init; } = "Sida";
    public string WrittenBy { get; init; } = "Skriven av";
    public string Folder { get; init; } = "Importerat från";
    public string Contents { get; init; } = "Innehåll";
    public string Versus { get; init; } = "mot";
    public string MissingCheckIns { get; init; } = "Saknade analyser";
    public string MissingIntro { get; init; } = "Målen och enheterna i rapporten som saknar målägarens analys för kvartalet.";
    public string NoneMissing { get; init; } = "Alla analyser är skrivna.";
    public string UnitsWithout { get; init; } = "Enheter utan analys";
    public string UnitId { get; init; } = "Enhets-id";
    public string GoalId { get; init; } = "Mål-id";

    /// <summary>"3 av 20" / "3 of 20".</summary>
    public string Of(int part, int whole) => En ? $"{part} of {whole}" : $"{part} av {whole}";

    public static ReportText For(string lang) => lang == "en" ? English : Swedish;

    private bool En => ReferenceEquals(this, English);

    public string Quarter(Period p) => En ? $"Quarter {p.Index}, {p.Year}" : $"Kvartal {p.Index}, {p.Year}";

    /// <summary>"mot K4 2025" / "vs Q4 2025": what a change is measured against.</summary>
    public string Since(Period previous, bool yearly) => $"{Versus} {ReportFormat.Period(previous, En ? "en" : "sv", yearly)}";

    public string Calendar(IEnumerable<int> quarters) => string.Join(", ", quarters.Select(q => QuarterLetter + q));

    public string ActionState(ActionState state) => state switch
    {
        Reports.ActionState.Open => Open,
        Reports.ActionState.InProgress => InProgress,
        _ => Done,
    };

    public string SharedKind(SharedDefinitionKind kind) => kind switch
    {
        SharedDefinitionKind.Parameter => Parameters,
        SharedDefinitionKind.Value => Values,
        SharedDefinitionKind.Function => Functions,
        _ => Populations,
    };

    /// <summary>Counts of the statuses on the cover: "5 uppfyllda · 3 ej uppfyllda · 1 data saknas".</summary>
    public string StatusCounts(IReadOnlyDictionary<Core.Evaluation.Status, int> counts)
    {
        var parts = new List<string>();
        foreach (var (status, sv, en) in new[]
        {
            (Core.Evaluation.Status.Met, "uppfyllda", "met"), (Core.Evaluation.Status.AtRisk, "i riskzonen", "at risk"), (Core.Evaluation.Status.NotMet, "ej uppfyllda", "not met"),
            (Core.Evaluation.Status.NoData, "utan data", "without data"), (Core.Evaluation.Status.NoTarget, "utan målnivå", "without target"),
        })
            if (counts.GetValueOrDefault(status) is var n && n > 0) parts.Add($"{n} {(En ? en : sv)}");
        return string.Join(" · ", parts);
    }

    /// <summary>A goal's target rule in words, for the appendix.</summary>
    public string TargetRule(TargetRule rule, string? unit = null)
    {
        var lang = En ? "en" : "sv";
        string N(decimal d) => ReportFormat.Number((double)d, unit, lang);
        var level = rule.FromBoard
            ? En ? "the level the unit's board decided for the year" : "den nivå enhetens styrelse beslutat för året"
            : rule.FromBudget ? En ? "the budget for the unit and period" : "budgeten för enheten och perioden"
            : rule.Level is { } l ? N(l) : "";
        var phased = rule.Phased ? En ? ", phased linearly over the year (level × quarter / 4)" : ", fördelad linjärt över året (nivå × kvartal / 4)" : "";
        if (rule.Sums) phased = En ? ", a period without its own level has the sum of its months'" : ", en period utan egen nivå har summan av månadernas";
        if (rule.Warning is { } warning) phased += En ? $"; at risk from {N(warning)}" : $"; i riskzonen från {N(warning)}";
        if (rule.Bands.Count > 0)
            phased += (En ? "; bands: " : "; nivåer: ") + string.Join(", ", rule.Bands.Select(b => b.Below is { } below
                ? $"{b.Label.For(lang)} < {(rule.BandsOn == BandsOn.Value ? N(below) : ReportFormat.Number((double)below, null, lang) + "\u00a0%")}"
                : b.Label.For(lang)));
        return rule.Kind switch
        {
            TargetRuleKind.AtLeast => (En ? "At least " : "Minst ") + level + phased,
            TargetRuleKind.AtMost => (En ? "At most " : "Högst ") + level + phased,
            TargetRuleKind.Exactly => (En ? "Exactly " : "Exakt ") + level + phased,
            TargetRuleKind.Between => En ? $"Between {N(rule.Low!.Value)} and {N(rule.High!.Value)}, both included"
                                         : $"Mellan {N(rule.Low!.Value)} och {N(rule.High!.Value)}, gränserna inräknade",
            TargetRuleKind.AboveComparison => En ? "Above the comparison group's value" : "Högre än jämförelsegruppens värde",
            _ => En ? "Below the comparison group's value" : "Lägre än jämförelsegruppens värde",
        };
    }
}
