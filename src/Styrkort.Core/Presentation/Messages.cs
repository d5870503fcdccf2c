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

    // By value, arguments included: two refusals of the same cell are equal (a record would compare the array's reference).
    public bool Equals(Message? other) => other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// The catalogue of engine messages that a user meets most: reading the goal file (keys, values, YAML), checking its
/// formulas' names, reading a CSV file's structure and importing a dataset's cells. A Swedish text may leave out an argument that is an English phrase (the location already says where).
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
        // Reading a CSV file's structure: its header row, each record's quotes and its number of fields.
        ["csv.empty"] = ("filen är tom; den första raden ska vara en rubrikrad med kolumnernas namn", "the file is empty; expected a header row with the column names"),
        ["csv.unclosed_quote"] = ("ett fält inom citattecken avslutas aldrig före filens slut", "a quoted field is not closed before the end of the file"),
        ["csv.text_after_quote"] = ("text efter ett avslutande citattecken; ett citattecken inuti ett fält skrivs dubbelt (\"\")", "text after a closing quote; a quote inside a field is written twice (\"\")"),
        ["csv.quote_in_field"] = ("ett citattecken inuti ett fält utan citattecken; sätt hela fältet inom citattecken och skriv citattecknet dubbelt (\"\")",
            "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")"),
        ["csv.record_too_long"] = ("raden är längre än {0} MB", "the record is longer than {0} MB"),
        ["csv.field_count"] = ("raden har {0} fält, rubrikraden {1}", "the record has {0} fields, the header {1}"),
        // Importing a dataset: each cell is checked against its column's declared type, and a file's key must be unique.
        ["import.found"] = ("{0}, hittade '{1}'", "{0}, found '{1}'"),
        ["import.too_long"] = ("värdet är längre än {0} tecken", "the value is longer than {0} characters"),
        ["import.empty"] = ("tomt värde; kolumnen måste ha ett", "empty value; this column needs one"),
        ["import.expected_integer"] = ("här väntades ett heltal", "expected a whole number"),
        ["import.expected_decimal"] = ("här väntades ett belopp med '.' som decimaltecken, högst 14 siffror före och 4 efter", "expected an amount with '.' as decimal point, at most 14 digits before it and 4 after"),
        ["import.expected_number"] = ("här väntades ett tal med '.' som decimaltecken", "expected a number with '.' as decimal point"),
        ["import.expected_date"] = ("här väntades ett datum ÅÅÅÅ-MM-DD", "expected a date YYYY-MM-DD"),
        ["import.expected_month"] = ("här väntades en månad ÅÅÅÅ-MM", "expected a month YYYY-MM"),
        ["import.expected_year"] = ("här väntades ett år ÅÅÅÅ", "expected a year YYYY"),
        ["import.expected_boolean"] = ("här väntades true eller false", "expected true or false"),
        ["import.expected_code"] = ("här väntades en av koderna {0}", "expected one of the codes {0}"),
        ["import.expected_meaning"] = ("här väntades {0}", "expected {0}"),
        ["import.expected_pattern"] = ("här väntades formen {0}", "expected the form {0}"),
        ["import.below_min"] = ("under minimum {0}", "below the minimum {0}"),
        ["import.above_max"] = ("över maximum {0}", "above the maximum {0}"),
        ["import.repeated_key"] = ("nyckeln ({0}) finns redan på rad {1}; nyckeln ({2}) ska vara unik", "repeated key ({0}), first on line {1}; the key ({2}) must be unique"),
    };

    public static IEnumerable<string> Codes => Catalogue.Keys;

    public static string Render(Message message, Language language)
    {
        if (!Catalogue.TryGetValue(message.Code, out var texts)) return message.Code;
        // A message within a message (what a cell was refused for, then what was found) is said in the same language.
        var args = message.Args.Select(a => a is Message inner ? inner.In(language) : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, language.Pick(texts.Sv, texts.En), args);
    }
}
