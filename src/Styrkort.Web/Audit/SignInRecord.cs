namespace Styrkort.Web.Audit;

/// <summary>What the trail and the log keep of a sign-in attempt.</summary>
public static class SignInRecord
{
    /// <summary>
    /// The user name as typed, cut short: the field is free text, and a runaway value (or a password typed in the wrong
    /// field) must not fill the trail.
    /// </summary>
    public static string UserName(string? typed)
    {
        var name = (typed ?? "").Trim();
        return name.Length == 0 ? "(empty)" : name.Length > 64 ? name[..64] + "…" : name;
    }
}
