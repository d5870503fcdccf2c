namespace Styrkort.Core.Presentation;

/// <summary>
/// The language of what a user reads: Swedish (the default, and what <c>default(Language)</c> is) or English. Its
/// code ("sv", "en") is its wire form — a cookie, a query parameter, the HTML <c>lang</c> attribute — so it converts
/// to that string implicitly; anything else is parsed, never compared as text.
/// </summary>
public readonly record struct Language
{
    private readonly bool english;

    private Language(bool english) => this.english = english;

    public static readonly Language Sv = new(false);
    public static readonly Language En = new(true);

    public bool IsEnglish => english;

    /// <summary>The language a switch offers: English for a Swedish page, Swedish for an English one.</summary>
    public Language Other => english ? Sv : En;

    /// <summary>"sv" or "en".</summary>
    public string Code => english ? "en" : "sv";

    /// <summary>"en", "en-GB", "EN" read as English; anything else (null, "sv", "de") as Swedish, the default.</summary>
    public static Language Parse(string? code) =>
        code is not null && code.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Sv;

    /// <summary>Whether <paramref name="code"/> names a language this application speaks ("sv" or "en", any case).</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = Sv;
        switch (code?.Trim().ToLowerInvariant())
        {
            case "sv": return true;
            case "en": language = En; return true;
            default: return false;
        }
    }

    /// <summary>The Swedish or the English of a pair of texts.</summary>
    public string Pick(string sv, string en) => english ? en : sv;

    public override string ToString() => Code;

    public static implicit operator string(Language language) => language.Code;
}
