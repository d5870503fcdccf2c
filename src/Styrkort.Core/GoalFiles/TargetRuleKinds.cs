namespace Styrkort.Core.GoalFiles;

/// <summary>A target rule's name as the goal file writes it and the JSON outputs carry it: at_least, between, above_comparison…</summary>
public static class TargetRuleKinds
{
    public static readonly IReadOnlyList<TargetRuleKind> All = Enum.GetValues<TargetRuleKind>();

    public static string Key(this TargetRuleKind kind) => kind switch
    {
        TargetRuleKind.AtLeast => "at_least",
        TargetRuleKind.AtMost => "at_most",
        TargetRuleKind.Between => "between",
        TargetRuleKind.Exactly => "exactly",
        TargetRuleKind.AboveComparison => "above_comparison",
        _ => "below_comparison",
    };

    public static bool TryParse(string? key, out TargetRuleKind kind)
    {
        foreach (var k in All)
            if (string.Equals(k.Key(), key, StringComparison.Ordinal)) { kind = k; return true; }
        kind = default;
        return false;
    }

    /// <summary>Whether a lower value is the better one (at most, below the comparison): it turns a trend arrow's colour.</summary>
    public static bool LowerIsBetter(this TargetRuleKind kind) => kind is TargetRuleKind.AtMost or TargetRuleKind.BelowComparison;
}
