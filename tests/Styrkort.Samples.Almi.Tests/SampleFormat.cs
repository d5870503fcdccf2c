namespace Styrkort.Samples.Almi.Tests;

/// <summary>The file format of almi-goals.md, "Input files", written out independently of the generator.</summary>
internal static class SampleFormat
{
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["units.csv"] = ["unit_id", "name", "parent_id", "regions"],
        ["companies.csv"] = ["org_nr", "name", "region", "leader_gender", "foreign_background"],
        ["financials.csv"] = ["org_nr", "fiscal_year", "net_revenue", "ebitda", "employees", "total_assets"],
        ["loans.csv"] = ["loan_id", "org_nr", "unit_id", "disbursed_on", "amount", "phase"],
        ["efforts.csv"] = ["effort_id", "org_nr", "unit_id", "started_on", "completed_on", "phase"],
        ["loan_ledger.csv"] = ["unit_id", "month", "interest_income", "fee_income", "credit_losses", "outstanding_balance"],
        ["operating_costs.csv"] = ["unit_id", "month", "amount"],
        ["nps_responses.csv"] = ["response_id", "org_nr", "unit_id", "answered_on", "score"],
        ["engagement_responses.csv"] = ["respondent_id", "unit_id", "survey_year", "item", "score"],
        ["kyc_snapshots.csv"] = ["snapshot_on", "org_nr", "unit_id", "relation_active", "kyc_complete"],
        ["targets.csv"] = ["goal_id", "unit_id", "year", "level", "decided_by", "decided_on"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Keys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["units.csv"] = ["unit_id"],
        ["companies.csv"] = ["org_nr"],
        ["financials.csv"] = ["org_nr", "fiscal_year"],
        ["loans.csv"] = ["loan_id"],
        ["efforts.csv"] = ["effort_id"],
        ["loan_ledger.csv"] = ["unit_id", "month"],
        ["operating_costs.csv"] = ["unit_id", "month"],
        ["nps_responses.csv"] = ["response_id"],
        ["engagement_responses.csv"] = ["unit_id", "survey_year", "respondent_id", "item"],
        ["kyc_snapshots.csv"] = ["snapshot_on", "org_nr", "unit_id"],
        ["targets.csv"] = ["goal_id", "unit_id", "year"],
    };

    /// <summary>The only columns in which an empty field (unknown) is allowed.</summary>
    public static readonly IReadOnlySet<string> MayBeEmpty = new HashSet<string>(StringComparer.Ordinal)
    {
        "companies.csv:leader_gender", "companies.csv:foreign_background", "efforts.csv:completed_on",
        "units.csv:parent_id", "units.csv:regions", "financials.csv:net_revenue", "financials.csv:ebitda",
        "financials.csv:employees", "financials.csv:total_assets",
    };

    public static readonly string[] Phases = ["start", "expansion", "established"];
}
