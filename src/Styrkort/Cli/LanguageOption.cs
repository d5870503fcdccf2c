using System.CommandLine;
using Styrkort.Core.Presentation;

namespace Styrkort.Cli;

/// <summary>
/// Every command's <c>--lang sv|en</c>, parsed into a <see cref="Language"/> once, here at the edge: the commands and
/// their tables take the type, never the text.
/// </summary>
internal static class LanguageOption
{
    public static Option<Language> Create()
    {
        var option = new Option<Language>("--lang")
        {
            Description = "sv or en",
            DefaultValueFactory = _ => Language.Sv,
            CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
                if (Language.TryParse(token, out var language)) return language;
                r.AddError($"'{token}' is not a language; expected sv or en");
                return Language.Sv;
            },
        };
        option.AcceptOnlyFromAmong("sv", "en");
        return option;
    }
}
