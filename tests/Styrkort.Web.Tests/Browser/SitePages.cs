namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// Every page an admin reaches from the navigation, with the query that fills it: one list, so that the policy check
/// and the accessibility check walk the same pages, and a page added to the site is added here once.
/// </summary>
public static class SitePages
{
    public static IReadOnlyList<string> SignedIn(string period) =>
    [
        "/", $"/?period={period}&unit=skane", $"/goals/nps?period={period}&unit=skane", $"/goals/nps/checkin?unit=skane&period={period}",
        $"/goals/disbursed_loans?period={period}&unit=skane", $"/checkins?period={period}", $"/goals/nps/checkin/history?unit=skane&period={period}",
        "/targets", "/report", "/goalfile", "/goalfile/history", "/imports", "/admin/users", "/account/tokens", "/account", "/audit", "/alerts",
    ];
}
