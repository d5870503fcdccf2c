using System.Globalization;

namespace Styrkort.Accounts.Sie.Internal;

/// <summary>The items outside vouchers: identification, chart of accounts, dimensions and objects, balances.</summary>
internal sealed partial class SieParser
{
    private void Item()
    {
        var label = _item.Label;
        if (label is "#TRANS" or "#RTRANS" or "#BTRANS") { Row(); return; }
        LeaveVoucher();
        var d = _doc;
        switch (label)
        {
            case "#FLAGGA": d.Flag = Int(0, "the flag", required: false) ?? 0; break;
            case "#FORMAT": (d.DeclaredFormat, d.FormatLine) = (Text(0), _item.Number); break;
            case "#SIETYP":
                d.SieType = Int(0, "the SIE type", required: false);
                if (d.SieType is not (null or 1 or 2 or 3 or 4))
                    Warn(SieWarningKind.Syntax, _item.Number, $"#SIETYP {d.SieType} is not one of the types 1–4; read as far as possible");
                break;
            case "#PROGRAM": (d.Program, d.ProgramVersion) = (Text(0), Text(1)); break;
            case "#GEN": (d.Generated, d.GeneratedBy) = (Date(0, "the date of the file", required: false), Text(1)); break;
            case "#FNAMN": d.CompanyName = Rest(0); break;
            case "#ORGNR": (d.OrgNr, d.AcquisitionNumber) = (Text(0), Text(1)); break;
            case "#FNR": d.CompanyCode = Text(0); break;
            case "#FTYP": d.CompanyType = Text(0); break;
            case "#BKOD": d.Sni = Text(0); break;
            case "#KPTYP": d.ChartOfAccounts = Text(0); break;
            case "#VALUTA": d.Currency = Text(0); break;
            case "#TAXAR": d.TaxYear = Int(0, "the tax year", required: false); break;
            case "#ADRESS": d.Address = Enumerable.Range(0, 4).Select(i => Text(i) ?? "").ToList(); break;
            case "#PROSA": if (Rest(0) is { } comment) d.Comments.Add(comment); break;
            case "#OMFATTN": d.BookedTo = Date(0, "the date the balances run to", required: true); break;
            case "#RAR": FiscalYearItem(); break;
            case "#KONTO": AccountItem(); break;
            case "#KTYP": if (AccountRef() is { } typed) typed.Type = Text(1)?.ToUpperInvariant(); break;
            case "#SRU": if (AccountRef() is { } sru && Text(1) is { } code) sru.Sru.Add(code); break;
            case "#ENHET": if (AccountRef() is { } unit) unit.Unit = Text(1); break;
            case "#DIM": DimensionItem(null); break;
            case "#UNDERDIM": DimensionItem(Text(2)); break;
            case "#OBJEKT":
                if (Required(0, "a dimension number") is { } dim && Required(1, "an object number") is { } id)
                    d.Objects.Add(new SieObject(dim, id, Text(2), _item.Number));
                break;
            case "#IB": BalanceItem(BalanceKind.Opening); break;
            case "#UB": BalanceItem(BalanceKind.Closing); break;
            case "#RES": BalanceItem(BalanceKind.Result); break;
            case "#OIB": ObjectBalanceItem(BalanceKind.Opening); break;
            case "#OUB": ObjectBalanceItem(BalanceKind.Closing); break;
            case "#PSALDO": PeriodBalanceItem(PeriodBalanceKind.Actual); break;
            case "#PBUDGET": PeriodBalanceItem(PeriodBalanceKind.Budget); break;
            case "#VER": VoucherItem(); break;
            // Any other label is ignored: the standard lets files carry labels a reader does not know.
        }
    }

    private void FiscalYearItem()
    {
        var index = YearIndex(0);
        var start = Date(1, "the first day of the fiscal year", required: true);
        var end = Date(2, "the last day of the fiscal year", required: true);
        if (index is null || start is null || end is null) return;
        if (end < start) { Error(2, $"the fiscal year ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})"); return; }
        if (_doc.FiscalYears.Any(y => y.Index == index))
        {
            Warn(SieWarningKind.Syntax, _item.Number, $"#RAR {index} is given twice; the first one is used");
            return;
        }
        _doc.FiscalYears.Add(new FiscalYear(index.Value, start.Value, end.Value, _item.Number));
    }

    private void AccountItem()
    {
        if (Required(0, "an account number") is not { } number) return;
        if (!number.All(char.IsAsciiDigit))
            Warn(SieWarningKind.Syntax, _item.Number, $"account '{number}' is not a number; it falls in no account range");
        var account = _doc.Account(number, _item.Number);
        account.Name = Rest(1);
    }

    private SieDocumentBuilder.AccountInfo? AccountRef() =>
        Required(0, "an account number") is { } number ? _doc.Account(number, _item.Number) : null;

    private void DimensionItem(string? parent)
    {
        if (Required(0, "a dimension number") is { } number) _doc.Dimensions.Add(new SieDimension(number, Text(1), parent, _item.Number));
    }

    private void BalanceItem(BalanceKind kind)
    {
        var year = YearIndex(0);
        var account = Required(1, "an account number");
        var at = 2;
        if (FieldAt(2) is { IsObjectList: true } objects)
        {
            // Some programs write an object list here, as on #OIB. An empty one is harmless; a full one is an object balance.
            if (Objects(objects).Count > 0)
            {
                if (kind == BalanceKind.Result)
                {
                    Warn(SieWarningKind.Syntax, _item.Number, "#RES with an object list is not an account's result; ignored");
                    return;
                }
                Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label} with an object list is read as an object balance (#O{_item.Label[1..]})");
                ObjectBalanceItem(kind, objectAt: 2);
                return;
            }
            at = 3;
        }
        var amount = Amount(at);
        if (year is null || account is null || amount is null) return;
        _doc.Balances.Add(new YearBalance(kind, year.Value, account, amount.Value, Quantity(at + 1), _item.Number));
    }

    private void ObjectBalanceItem(BalanceKind kind, int objectAt = 2)
    {
        var year = YearIndex(0);
        var account = Required(1, "an account number");
        if (FieldAt(objectAt) is not { IsObjectList: true } list) { Error(objectAt, "expected an object list {dimension object}"); return; }
        var objects = Objects(list);
        var amount = Amount(objectAt + 1);
        if (year is null || account is null || amount is null) return;
        _doc.ObjectBalances.Add(new ObjectBalance(kind, year.Value, account, objects, amount.Value, Quantity(objectAt + 2), _item.Number));
    }

    private void PeriodBalanceItem(PeriodBalanceKind kind)
    {
        var year = YearIndex(0);
        var (periodAt, accountAt) = (1, 2);
        // Some programs swap period and account (#PBUDGET 0 1119 201701 …): read them the other way round, with a note.
        if (!IsPeriod(Text(1)) && IsPeriod(Text(2)))
        {
            (periodAt, accountAt) = (2, 1);
            WarnOnce(SieWarningKind.Syntax, _item.Number, $"{_item.Label} gives the account before the period; read the other way round");
        }
        var period = Text(periodAt);
        if (!IsPeriod(period)) { Error(periodAt, $"expected a period YYYYMM, found '{period}'"); return; }
        var account = Required(accountAt, "an account number");
        var at = 3;
        IReadOnlyList<ObjectRef> objects = [];
        if (FieldAt(3) is { IsObjectList: true } list) { objects = Objects(list); at = 4; }
        var amount = Amount(at);
        if (year is null || account is null || amount is null) return;
        var (y, m) = (int.Parse(period![..4], CultureInfo.InvariantCulture), int.Parse(period[4..], CultureInfo.InvariantCulture));
        _doc.PeriodBalances.Add(new PeriodBalance(kind, year.Value, y, m, account, objects, amount.Value, Quantity(at + 1), _item.Number));
    }

    /// <summary>YYYYMM, a month of a year from 1900.</summary>
    private static bool IsPeriod(string? text) =>
        text is { Length: 6 } && text.All(char.IsAsciiDigit)
        && int.Parse(text.AsSpan(4), CultureInfo.InvariantCulture) is >= 1 and <= 12
        && int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture) >= 1900;
}
