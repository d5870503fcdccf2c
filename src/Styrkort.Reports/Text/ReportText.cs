using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Presentation;
using Language = Styrkort.Core.Presentation.Language;

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
        What = "What", Who = "Who", Due = "Due", State = "State",
        Appendix = "Appendix: definitions and data sources", Definitions = "Goal definitions", Formula = "Formula",
        ComparisonFormula = "Comparison", TargetRuleLabel = "Target rule", Data = "Data", SharedTerms = "Shared terms",
        Parameters = "Parameters", Values = "Values", Functions = "Functions", Populations = "Populations",
        Sources = "Data sources", SourcesIntro = "The latest import of each dataset in the warehouse the numbers were computed from.",
        Dataset = "Dataset", File = "File", Rows = "Rows", Imported = "Imported (UTC)", Page = "Page",
        WhatChanged = "What changed", Serves = "Serves", Owner = "Owner", Deadline = "Deadline", WrittenBy = "Written by", Folder = "Imported from", Contents = "Contents", Versus = "vs",
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
    public string WhatChanged { get; init; } = "Vad förändrades";
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


    public static ReportText For(Language language) => language.IsEnglish ? English : Swedish;

    private bool En => ReferenceEquals(this, English);

    public string Quarter(Period p) => En ? $"Quarter {p.Index}, {p.Year}" : $"Kvartal {p.Index}, {p.Year}";

    /// <summary>"mot K4 2025" / "vs Q4 2025": what a change is measured against.</summary>
    public string Since(Period previous, bool yearly) => $"{Versus} {ReportFormat.Period(previous, En ? Language.En : Language.Sv, yearly)}";

    public string Calendar(IEnumerable<int> quarters) => string.Join(", ", quarters.Select(q => QuarterLetter + q));

    /// <summary>An action's state by the shared vocabulary's names, as the web pages show it.</summary>
    public string ActionState(ActionState state) => ActionStateNames.Name(ActionStates.Key(state), En ? Language.En : Language.Sv);

    public string SharedKind(SharedDefinitionKind kind) => kind switch
    {
        SharedDefinitionKind.Parameter => Parameters,
        SharedDefinitionKind.Value => Values,
        SharedDefinitionKind.Function => Functions,
        _ => Populations,
    };

    /// <summary>Counts of the statuses on the cover: "5 uppfyllda · 3 ej uppfyllda · 1 utan data".</summary>
    public string StatusCounts(IReadOnlyDictionary<Core.Evaluation.Status, int> counts) =>
        string.Join(" · ", Statuses.InOrder.Where(s => counts.GetValueOrDefault(s) > 0).Select(s => Statuses.Count(s, counts[s], Lang)));

    /// <summary>A goal's target rule in words, for the appendix (<see cref="TargetText.Rule"/>).</summary>
    public string TargetRule(TargetRule rule, string? unit = null) => TargetText.Rule(rule, unit, Lang);

    private Language Lang => En ? Language.En : Language.Sv;
}
