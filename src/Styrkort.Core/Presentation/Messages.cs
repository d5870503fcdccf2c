using System.Globalization;

namespace Styrkort.Core.Presentation;

/// <summary>
/// An engine message by a stable code with its arguments, so that it can be said in Swedish as well as English.
/// English is what the CLI prints and the API answers (the exception's message); the web says it in the user's language.
/// </summary>
public sealed record Message(string Code, params object?[] Args)
{
    public string In(Language language) => Messages.Render(this, language);

    public override string ToString() => In(Language.En);
}

/// <summary>
/// The catalogue of engine messages that a user meets most: reading the goal file (keys, values, YAML) and checking its
/// formulas' names. A Swedish text may leave out an argument that is an English phrase (the location already says where).
/// </summary>
public static class Messages
{
    private static readonly Dictionary<string, (string Sv, string En)> Catalogue = new(StringComparer.Ordinal)
    {
        ["yaml.unknown_key"] = ("okänd nyckel '{0}'; här går: {2}", "unknown key '{0}' in {1}; expected one of: {2}"),
        ["yaml.unknown_key_comma"] = ("okänd nyckel '{0}'; här går: {2}; i en mappning på en rad {{…}} skiljer ett kommatecken posterna åt: sätt en text med kommatecken inom citattecken, t.ex. sv: \"90 %, delvis\"",
            "unknown key '{0}' in {1}; expected one of: {2}; in a one-line mapping {{…}} a comma separates entries: put a text that holds a comma in quotes, e.g. en: \"90 %, partly\""),
        ["yaml.needs_key"] = ("'{1}' saknas här ({0})", "{0} needs '{1}'"),
        ["yaml.expected_mapping"] = ("här väntades en mappning av nycklar och värden", "expected a mapping ({0})"),
        ["yaml.expected_list"] = ("här väntades en lista", "expected a list ({0})"),
        ["yaml.expected_text"] = ("här väntades en text", "expected a text value"),
        ["yaml.expected_number"] = ("här väntades ett tal med '.' som decimaltecken, inte '{0}'", "expected a number with '.' as decimal point, found '{0}'"),
        ["yaml.expected_bool"] = ("här väntades true eller false, inte '{0}'", "expected true or false, found '{0}'"),
        ["yaml.invalid"] = ("inte giltig YAML: {0}", "not valid YAML: {0}"),
        ["yaml.not_closed"] = ("inte giltig YAML: {0} (en lista eller mappning inom [ ] eller {{ }} som inte stängs?)", "not valid YAML: {0} (a list or mapping in [ ] or {{ }} that is not closed?)"),
        ["goalfile.not_mapping"] = ("en målfil är en YAML-mappning med avsnitten datasets, units, metrics, goals…", "a goal file is a YAML mapping with the sections datasets, units, metrics, goals…"),
        ["goalfile.unknown_rule"] = ("okänd målregel '{0}'; välj en av: {1}", "unknown target rule '{0}'; expected one of: {1}"),
        ["goalfile.unknown_goal_type"] = ("okänd måltyp '{0}'; ange Ä (ägaren beslutar nivån) eller S (styrelsen beslutar nivån)", "unknown goal type '{0}'; expected Ä (level set by the owners) or S (level set by the board)"),
        ["formula.unknown_name"] = ("okänt namn '{0}'", "unknown name '{0}'"),
        ["formula.unknown_name_known"] = ("okänt namn '{0}'; kända namn här: {1}", "unknown name '{0}'; known here: {1}"),
        ["formula.no_column"] = ("datamängden '{0}' har ingen kolumn '{1}'; dess kolumner: {2}", "dataset '{0}' has no column '{1}'; its columns: {2}"),
        ["formula.unknown_dataset"] = ("okänd datamängd '{0}'; datamängder: {1}", "unknown dataset '{0}'; datasets: {1}"),
        ["formula.unknown_population"] = ("okänd population '{0}'; populationer: {1}", "unknown population '{0}'; populations: {1}"),
    };

    public static IEnumerable<string> Codes => Catalogue.Keys;

    public static string Render(Message message, Language language)
    {
        if (!Catalogue.TryGetValue(message.Code, out var texts)) return message.Code;
        return string.Format(CultureInfo.InvariantCulture, language.Pick(texts.Sv, texts.En), message.Args);
    }
}
