using System.Globalization;

namespace Styrkort.Accounts.Sie.Internal;

/// <summary>
/// Typed reading of an item's fields. A field that a number depends on (an amount, a year, a date of #RAR) and cannot
/// be read is an error at its line and column; an optional field that cannot be read is a warning and is left empty.
/// </summary>
internal sealed partial class SieParser
{
    // DECIMAL(18,4) in the warehouse: at most 14 digits before the point. SIE sets no limit, so the reader must.
    private const decimal AmountLimit = 100_000_000_000_000m;

    private SieLine _item = null!;

    private SieField? FieldAt(int index) => index < _item.Fields.Count ? _item.Fields[index] : null;

    private string? Text(int index)
    {
        var field = FieldAt(index);
        if (field is null || field.IsObjectList) return null;
        var text = Decode(field).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The fields from index on, joined by a space: names written without quotes (#FNAMN Bolaget AB).</summary>
    private string? Rest(int index)
    {
        var parts = _item.Fields.Skip(index).Where(f => !f.IsObjectList).Select(f => Decode(f).Trim()).Where(t => t.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private string Decode(SieField field)
    {
        var text = _text.Decode(field.Bytes, out var repaired);
        // The standard allows no control characters in text; a stray one (a tab inside quotes) is a space.
        if (HasControl(text)) text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        if (repaired)
            Warn(SieWarningKind.Encoding, _item.Number, $"'{text}': a byte that is a Latin-1 letter in this CP437 file was read as that letter");
        return text;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c)) return true;
        return false;
    }

    private string? Required(int index, string what)
    {
        var text = Text(index);
        if (text is null) Error(index, $"expected {what}");
        return text;
    }

    private int? Int(int index, string what, bool required)
    {
        var text = Text(index);
        if (text is null)
        {
            if (required) Error(index, $"expected {what}");
            return null;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        if (required) Error(index, $"expected {what} (a whole number), found '{text}'");
        else Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label}: '{text}' is not a whole number; ignored");
        return null;
    }

    private int? YearIndex(int index)
    {
        var year = Int(index, "a year number (0, −1, …)", required: true);
        if (year is < -99 or > 99) { Error(index, $"a year number is 0, −1, −2…; found {year}"); return null; }
        return year;
    }

    private DateOnly? Date(int index, string what, bool required)
    {
        var text = Text(index);
        if (text is null)
        {
            if (required) Error(index, $"expected {what}, a date YYYYMMDD");
            return null;
        }
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (required) Error(index, $"expected {what}, a date YYYYMMDD, found '{text}'");
        else Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label}: '{text}' is not a date YYYYMMDD; ignored");
        return null;
    }

    private decimal? Amount(int index, string what = "an amount")
    {
        var text = Text(index);
        if (text is null) { Error(index, $"expected {what}"); return null; }
        var value = ParseAmount(text, out var note);
        if (value is null) { Error(index, $"expected {what} such as -1234.50, found '{text}'"); return null; }
        if (Math.Abs(value.Value) >= AmountLimit) { Error(index, $"the amount {text} is too large; the limit is 14 digits before the decimal point"); return null; }
        if (note is not null) Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label}: {note}");
        return value;
    }

    private decimal? Quantity(int index)
    {
        var text = Text(index);
        if (text is null) return null;
        var value = ParseAmount(text, out _);
        if (value is null || Math.Abs(value.Value) >= AmountLimit)
        {
            Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label}: the quantity '{text}' is not a number; ignored");
            return null;
        }
        return value;
    }

    /// <summary>A point as decimal separator, a minus before; a comma or a plus sign are read, with a note.</summary>
    internal static decimal? ParseAmount(string text, out string? note)
    {
        note = null;
        var s = text;
        if (s.Contains(',', StringComparison.Ordinal) && !s.Contains('.', StringComparison.Ordinal))
        {
            s = s.Replace(',', '.');
            note = $"'{text}' has a decimal comma; SIE amounts use a point";
        }
        if (s.StartsWith('+')) note ??= $"'{text}' has a plus sign, which SIE does not use";
        if (s.Length == 0 || s.Length > 40) return null;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c) && c is not ('.' or '-' or '+')) return null;
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        // Rounding also drops zeros beyond the fourth decimal (10.000000 is 10.0000), which the warehouse would refuse.
        var rounded = decimal.Round(value, 4, MidpointRounding.AwayFromZero);
        if (rounded != value) note ??= $"'{text}' has more than 4 decimals; rounded to 4";
        return rounded;
    }

    private IReadOnlyList<ObjectRef> Objects(SieField field)
    {
        var items = field.Objects!.Select(o => Decode(o).Trim()).ToList();
        if (field.Unclosed) Error(field, "the object list is not closed; expected '}'");
        if (items.Count % 2 == 1)
            Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label}: the object list has an odd number of entries (dimension, object, …); the last one is ignored");
        var pairs = new List<ObjectRef>(items.Count / 2);
        for (var i = 0; i + 1 < items.Count; i += 2) pairs.Add(new ObjectRef(items[i], items[i + 1]));
        return pairs;
    }

    private void Error(int fieldIndex, string message)
    {
        var field = FieldAt(fieldIndex);
        if (field is not null) Error(field, message);
        else ErrorAt(_item.Number, LineEndColumn(), $"{_item.Label}: {message}");
    }

    private void Error(SieField field, string message) => ErrorAt(_item.Number, CharColumn(field.Column), $"{_item.Label}: {message}");
}
