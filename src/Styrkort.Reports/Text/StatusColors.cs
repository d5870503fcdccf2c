using Styrkort.Core.Evaluation;

namespace Styrkort.Reports;

/// <summary>The status colours shared by the charts, the PDF, the workbook and the web page.</summary>
public static class StatusColors
{
    public static string Hex(Status status) => status switch
    {
        Status.Met => "#2E7D32",
        Status.NotMet => "#C62828",
        Status.NoData => "#9E9E9E",
        // Between met and not met, darker than the no-target amber: white text on it keeps a contrast of 4.5:1.
        Status.AtRisk => "#C2410C",
        _ => "#E0A100",
    };
}
