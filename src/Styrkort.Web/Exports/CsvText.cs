namespace Styrkort.Web.Exports;

/// <summary>
/// Text from users or imported data as a CSV cell that a spreadsheet opens without running it: a cell beginning with
/// <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe (OWASP's advice for CSV injection). Numbers and
/// dates are written by their own rules and never pass through here, so a negative amount stays a number. Excel
/// downloads need none of this: their text cells are strings, never formulas.
/// </summary>
public static class CsvText
{
    public static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
