using Language = Styrkort.Core.Presentation.Language;
using System.Text;
using Styrkort.Reports.Html;

namespace Styrkort.Reports;

/// <summary>
/// The board report as one self-contained HTML page: styles inline and charts as embedded PNG images, so the file can
/// be mailed or archived as is. <see cref="Fragment"/> is the same report as an element for a page of the web application.
/// </summary>
public static class HtmlRenderer
{
    public static void Render(BoardReportModel model, Stream output)
    {
        var t = ReportText.For(model.Language);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write($"""
            <!DOCTYPE html>
            <html lang="{model.Language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlText.Encode($"{t.Title} {ReportFormat.Period(model.Period, model.Language)} – {model.Unit.Name}")}</title>
            </head>
            <body>

            """);
        writer.Write(Fragment(model));
        writer.Write("\n</body>\n</html>\n");
    }

    /// <summary>The report as an <c>&lt;article class="board-report"&gt;</c> carrying its own (scoped) styles.</summary>
    public static string Fragment(BoardReportModel model) => HtmlReport.Write(model);

    /// <summary>A goal owner's analysis and actions as the report's HTML prints them in a goal's section.</summary>
    public static string CheckIn(GoalCheckIn checkIn, Language language)
    {
        var h = new StringBuilder();
        HtmlReport.CheckIn(h, checkIn, ReportText.For(language));
        return h.ToString();
    }
}
