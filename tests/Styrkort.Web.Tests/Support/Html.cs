using System.Net;
using System.Text.RegularExpressions;

namespace Styrkort.Web.Tests.Support;

/// <summary>Just enough HTML reading for the tests: the anti-forgery field and an element's text by id.</summary>
internal static partial class Html
{
    public const string TokenField = "__RequestVerificationToken";

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value)
            : throw new InvalidOperationException("the page has no anti-forgery field");

    public static bool HasAntiforgeryToken(string html) => TokenInput().IsMatch(html);

    /// <summary>The text of the element with the id, markup removed and entities decoded.</summary>
    public static string? TextOfId(string html, string tag, string id)
    {
        var m = Regex.Match(html, $"<{tag}[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</{tag}>", RegexOptions.Singleline);
        return m.Success ? Text(m.Groups["inner"].Value) : null;
    }

    public static string Text(string fragment) => WebUtility.HtmlDecode(Tags().Replace(fragment, " "));

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<v>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex TokenInput();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
