namespace Styrkort.Accounts.Sie.Internal;

/// <summary>
/// Vouchers: #VER, then its rows between a '{' and a '}' on lines of their own. A block left open is closed by the next
/// item outside it (with a warning); a file that ends inside one is cut short, which is an error.
/// #RTRANS (a row added later) is followed by a #TRANS copy for older readers; the copy is skipped.
/// </summary>
internal sealed partial class SieParser
{
    private enum Block { None, AwaitingOpen, Inside, Orphan }

    private sealed class VoucherBuilder(string series, string number, DateOnly? date, string? text, DateOnly? registered, string? sign, int line)
    {
        public readonly List<TransactionRow> Rows = [];
        public TransactionRow? PendingAdded;
        public int Line => line;

        public Voucher? Build() => date is { } d ? new Voucher(series, number, d, text, registered, sign, Rows, line) : null;
    }

    private Block _block;
    private VoucherBuilder? _voucher;
    private int _orphanLine;

    private void VoucherItem()
    {
        var series = Text(0) ?? "";
        var number = Text(1) ?? "";
        var date = Date(2, "the voucher date", required: true);
        _voucher = new VoucherBuilder(series, number, date, Text(3), Date(4, "the registration date", required: false), Text(5), _item.Number);
        // A '{' at the end of the #VER line itself opens the block (the lexer sees it as an unclosed object list).
        var last = _item.Fields.Count > 0 ? _item.Fields[^1] : null;
        _block = last is { Unclosed: true, Objects.Count: 0 } ? Block.Inside : Block.AwaitingOpen;
    }

    private void OpenBlock()
    {
        switch (_block)
        {
            case Block.AwaitingOpen: _block = Block.Inside; break;
            case Block.Inside: Warn(SieWarningKind.Syntax, _item.Number, "a second '{' inside a voucher; ignored"); break;
            default:
                Warn(SieWarningKind.Syntax, _item.Number, "'{' without a #VER before it; the rows up to '}' are ignored");
                (_block, _orphanLine) = (Block.Orphan, _item.Number);
                break;
        }
    }

    private void CloseBlock()
    {
        switch (_block)
        {
            case Block.Inside or Block.AwaitingOpen: EndVoucher(); break;
            case Block.Orphan: _block = Block.None; break;
            default: Warn(SieWarningKind.Syntax, _item.Number, "'}' without a '{' before it; ignored"); break;
        }
    }

    /// <summary>Any item other than a row ends a voucher that is still open.</summary>
    private void LeaveVoucher()
    {
        if (_block == Block.Inside)
            Warn(SieWarningKind.Syntax, _voucher!.Line, $"the voucher that begins here is not closed with '}}' before {_item.Label} on line {_item.Number}");
        if (_block == Block.Orphan) _block = Block.None;
        if (_block != Block.None) EndVoucher();
    }

    private void EndVoucher()
    {
        var v = _voucher!;
        if (_block == Block.AwaitingOpen) Warn(SieWarningKind.Syntax, v.Line, "the voucher has no rows ('{' … '}' after #VER)");
        if (v.PendingAdded is { } added) Warn(SieWarningKind.Syntax, added.Line, "#RTRANS is not followed by its #TRANS copy");
        if (v.Build() is { } voucher) _doc.Vouchers.Add(voucher);
        (_block, _voucher) = (Block.None, null);
    }

    private void Row()
    {
        switch (_block)
        {
            case Block.None:
                Warn(SieWarningKind.Syntax, _item.Number, $"{_item.Label} outside a voucher; ignored");
                return;
            case Block.Orphan:
                return;
            case Block.AwaitingOpen:
                Warn(SieWarningKind.Syntax, _voucher!.Line, "the voucher's rows are not inside '{' … '}'");
                _block = Block.Inside;
                break;
        }
        var kind = _item.Label switch { "#RTRANS" => RowKind.Added, "#BTRANS" => RowKind.Removed, _ => RowKind.Normal };
        var account = Required(0, "an account number");
        var at = 1;
        IReadOnlyList<ObjectRef> objects = [];
        if (FieldAt(1) is { IsObjectList: true } list) { objects = Objects(list); at = 2; }
        else WarnOnce(SieWarningKind.Syntax, _item.Number, $"{_item.Label} has no object list ({{}}) before the amount; read without one");
        var amount = Amount(at);
        if (account is null || amount is null) return;
        var row = new TransactionRow(kind, account, objects, amount.Value, Date(at + 1, "the transaction date", required: false),
            Text(at + 2), Quantity(at + 3), Text(at + 4), _item.Number);

        var v = _voucher!;
        if (kind == RowKind.Normal && v.PendingAdded is { } added)
        {
            v.PendingAdded = null;
            if (added.Account == row.Account && added.Amount == row.Amount && added.Objects.SequenceEqual(row.Objects)) return;
            Warn(SieWarningKind.Syntax, added.Line, "#RTRANS is not followed by its #TRANS copy");
        }
        else if (v.PendingAdded is { } unpaired)
        {
            v.PendingAdded = null;
            Warn(SieWarningKind.Syntax, unpaired.Line, "#RTRANS is not followed by its #TRANS copy");
        }
        if (kind == RowKind.Added) v.PendingAdded = row;
        v.Rows.Add(row);
    }
}
