using System.Globalization;
using System.Text;
using Styrkort.Accounts.Sie.Internal;

namespace Styrkort.Accounts.Sie;

/// <summary>
/// Writes a document as an SIE 4 file the way the standard asks: CP437, CRLF, every text quoted (\" for a quote),
/// #RTRANS followed by its #TRANS copy, and optionally a control sum. Reading the output gives the same document.
/// Characters CP437 cannot hold are written as '?'.
/// </summary>
public static class SieWriter
{
    public static void Write(SieDocument document, Stream output, bool checksum = false)
    {
        var items = new List<string[]>();
        void Item(string label, params string?[] fields)
        {
            // Trailing empty fields are left out; inner ones are written as "".
            var count = fields.Length;
            while (count > 0 && fields[count - 1] is null) count--;
            items.Add([label, .. fields.Take(count).Select(f => f ?? "\"\"")]);
        }
        var h = document.Header;
        Item("#PROGRAM", Q(h.Program), Q(h.ProgramVersion));
        Item("#FORMAT", "PC8");
        if (h.Generated is { } generated) Item("#GEN", D(generated), Q(h.GeneratedBy));
        Item("#SIETYP", N(h.SieType ?? 4));
        foreach (var comment in h.Comments) Item("#PROSA", Q(comment));
        if (h.CompanyType is { } ftyp) Item("#FTYP", Q(ftyp));
        if (h.CompanyCode is { } fnr) Item("#FNR", Q(fnr));
        if (h.OrgNr is { } org) Item("#ORGNR", Q(org), Q(h.AcquisitionNumber));
        if (h.Sni is { } sni) Item("#BKOD", Q(sni));
        if (h.Address.Count > 0) Item("#ADRESS", [.. h.Address.Select(Q)]);
        if (h.CompanyName is { } name) Item("#FNAMN", Q(name));
        foreach (var y in document.FiscalYears) Item("#RAR", N(y.Index), D(y.Start), D(y.End));
        if (h.TaxYear is { } tax) Item("#TAXAR", N(tax));
        if (h.BookedTo is { } to) Item("#OMFATTN", D(to));
        if (h.ChartOfAccounts is { } kp) Item("#KPTYP", Q(kp));
        if (h.Currency is { } currency) Item("#VALUTA", Q(currency));
        foreach (var dim in document.Dimensions)
            if (dim.Parent is { } parent) Item("#UNDERDIM", Q(dim.Number), Q(dim.Name), Q(parent));
            else Item("#DIM", Q(dim.Number), Q(dim.Name));
        foreach (var o in document.Objects) Item("#OBJEKT", Q(o.Dimension), Q(o.Id), Q(o.Name));
        foreach (var a in document.Accounts)
        {
            Item("#KONTO", Q(a.Number), Q(a.Name));
            if (a.Type is { } type) Item("#KTYP", Q(a.Number), type);
            if (a.Unit is { } unit) Item("#ENHET", Q(a.Number), Q(unit));
            foreach (var sru in a.Sru) Item("#SRU", Q(a.Number), Q(sru));
        }
        foreach (var b in document.Balances) Item(SieDocumentBuilder.Label(b.Kind), N(b.YearIndex), Q(b.Account), M(b.Amount), M(b.Quantity));
        foreach (var b in document.ObjectBalances)
            Item("#O" + SieDocumentBuilder.Label(b.Kind)[1..], N(b.YearIndex), Q(b.Account), Objects(b.Objects), M(b.Amount), M(b.Quantity));
        foreach (var p in document.PeriodBalances)
            Item(p.Kind == PeriodBalanceKind.Actual ? "#PSALDO" : "#PBUDGET", N(p.YearIndex), $"{p.Year:D4}{p.Month:D2}", Q(p.Account),
                Objects(p.Objects), M(p.Amount), M(p.Quantity));

        using var writer = new StreamWriter(output, Cp437(), leaveOpen: true) { NewLine = "\r\n" };
        var ksumma = new Ksumma();
        var encoding = Cp437();
        void Line(string[] item)
        {
            writer.WriteLine(string.Join(' ', item));
            // The control sum covers the label and each field's content: no separators, quotes or braces.
            foreach (var field in item) ksumma.Add(encoding.GetBytes(Unquote(field)));
        }
        writer.WriteLine("#FLAGGA 0");
        if (checksum) writer.WriteLine("#KSUMMA");
        foreach (var item in items) Line(item);
        foreach (var v in document.Vouchers)
        {
            Line(["#VER", Q(v.Series)!, Q(v.Number)!, D(v.Date)!, Q(v.Text) ?? "\"\"", D(v.Registered) ?? "\"\"", Q(v.Sign) ?? "\"\""]);
            writer.WriteLine("{");
            foreach (var r in v.Rows)
            {
                string[] Row(string label) => [label, Q(r.Account)!, Objects(r.Objects), M(r.Amount)!, D(r.Date) ?? "\"\"", Q(r.Text) ?? "\"\"", M(r.Quantity) ?? "\"\"", Q(r.Sign) ?? "\"\""];
                var label = r.Kind switch { RowKind.Added => "#RTRANS", RowKind.Removed => "#BTRANS", _ => "#TRANS" };
                Line(Row(label));
                if (r.Kind == RowKind.Added) Line(Row("#TRANS"));
            }
            writer.WriteLine("}");
        }
        if (checksum) writer.WriteLine("#KSUMMA " + ksumma.Value.ToString(CultureInfo.InvariantCulture));
    }

    private static Encoding Cp437()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(437, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }

    // A field as written back to its content, for the control sum: quotes off, \" as ", object lists as their items.
    private static string Unquote(string field)
    {
        if (field.StartsWith('{')) return string.Concat(Fields(field[1..^1]).Select(Unquote));
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') return field[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        return field;
    }

    private static IEnumerable<string> Fields(string list)
    {
        var i = 0;
        while (i < list.Length)
        {
            if (list[i] == ' ') { i++; continue; }
            var start = i;
            if (list[i] == '"')
            {
                i++;
                while (i < list.Length && !(list[i] == '"' && list[i - 1] != '\\')) i++;
                i++;
            }
            else while (i < list.Length && list[i] != ' ') i++;
            yield return list[start..Math.Min(i, list.Length)];
        }
    }

    private static string? Q(string? text)
    {
        if (text is null) return null;
        var escaped = text.Replace("\"", "\\\"", StringComparison.Ordinal);
        // A text ending in a backslash would escape its closing quote; the reader trims the space added here.
        if (escaped.EndsWith('\\')) escaped += " ";
        return "\"" + escaped + "\"";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? M(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? D(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Objects(IReadOnlyList<ObjectRef> objects) =>
        "{" + string.Join(' ', objects.Select(o => $"{Q(o.Dimension)} {Q(o.Object)}")) + "}";
}
