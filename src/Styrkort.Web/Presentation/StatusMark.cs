using Microsoft.AspNetCore.Html;
using Styrkort.Core.Evaluation;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Presentation;

/// <summary>
/// A status as the pages show it: its sign and its name, and the colour only as a third cue (WCAG 1.4.1). The sign is
/// hidden from screen readers, which read the name instead of "check mark".
/// </summary>
public static class StatusMark
{
    /// <summary>A coloured label with sign and name, where there is room for the name: "✓ Uppfyllt".</summary>
    public static IHtmlContent Badge(Status status, Texts t)
    {
        var key = Ui.StatusKey(status);
        // The name is appended as text, so that the page's own encoder writes it (as the rest of the page).
        return new HtmlContentBuilder()
            .AppendHtml($"<span class=\"badge {key}\"><span class=\"icon\" aria-hidden=\"true\">{Ui.StatusIcon(status)}</span> ")
            .Append(t[key]).AppendHtml("</span>");
    }

    /// <summary>The sign alone where space is short (a cell of the overview); the name is there for screen readers.</summary>
    public static IHtmlContent Compact(Status status, Texts t)
    {
        var key = Ui.StatusKey(status);
        return new HtmlContentBuilder()
            .AppendHtml($"<span class=\"status-icon {key}\" aria-hidden=\"true\">{Ui.StatusIcon(status)}</span><span class=\"sr-only\">")
            .Append(t[key]).AppendHtml("</span>");
    }
}
