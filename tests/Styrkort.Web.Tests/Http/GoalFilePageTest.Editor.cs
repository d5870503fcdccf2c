using System.Net;
using System.Text.RegularExpressions;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The editor's errors: files named as the user knows them, each place in the text linked to its line.</summary>
public sealed partial class GoalFilePageTest
{
    [Fact]
    public async Task ErrorsInAnInclude_NameItRelatively_NeverTheServersPath_AndErrorsInTheTextLinkToTheirLine()
    {
        var client = await SignInAsync("controller");
        var form = await OpenAsync(client);
        // A library beside the working copy with an unknown key, and a misspelt column in the goal file itself.
        Directory.CreateDirectory(Path.Combine(_dataDirectory, "goals", "lib"));
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, "goals", "lib", "broken.yaml"), "parameters:\n  x: 1\nbogus: 2\n");
        var bad = "include: [lib/broken.yaml]\n" + form.Text
            .Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal);
        var line = bad.Split('\n').ToList().FindIndex(l => l.Contains("loans.amout", StringComparison.Ordinal)) + 1;

        var response = await SaveAsync(client, form, bad);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Html.TextOfId(page, "div", "goalfile-error")!;
        Assert.Contains("lib/broken.yaml:3:", WebUtility.HtmlDecode(Regex.Replace(error, "<[^>]+>", "")), StringComparison.Ordinal);
        Assert.DoesNotContain(_dataDirectory, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(".candidate", page, StringComparison.Ordinal);
        // The error in the text links to its line (the gutter's anchor); the one in the library is plain text.
        Assert.Matches($"<a href=\"#L{line}\" class=\"goto-line\" data-line=\"{line}\" data-column=\"\\d+\">goals\\.yaml:{line}:\\d+</a>", page);
        Assert.Contains($"<span id=\"L{line}\">{line}</span>", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<a [^>]*>lib/broken", page);
        // The text is kept for the next try.
        Assert.Equal(bad, WebUtility.HtmlDecode(Regex.Match(page, "<textarea[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value));
        Assert.Single(await VersionsAsync());
    }
}
