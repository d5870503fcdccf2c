using Styrkort.Accounts.Sie;

namespace Styrkort.Accounts.Datasets;

/// <summary>
/// The vouchers of a company, their rows, and the rows' objects. A voucher is taken from the file its fiscal year is
/// taken from; one dated outside every fiscal year is kept from the file it is in.
/// </summary>
internal sealed class VoucherTables(string vouchersPath, string transactionsPath, string objectsPath) : IDisposable
{
    private readonly CsvTable _vouchers = new(vouchersPath, "voucher", "company", "series", "number", "date", "text", "registered", "sign");
    private readonly CsvTable _rows = new(transactionsPath, "transaction", "voucher", "company", "row", "kind", "account", "objects", "amount", "date", "text", "quantity", "sign");
    private readonly CsvTable _objects = new(objectsPath, "transaction", "company", "dimension", "object", "object_name");

    public void Write(CompanyBooks company)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in company.Documents)
        {
            var names = document.Objects.GroupBy(o => (o.Dimension, o.Id)).ToDictionary(g => g.Key, g => g.First().Name);
            foreach (var voucher in document.Vouchers.Where(v => TakenFrom(company, v.Date) is not { } source || ReferenceEquals(source, document)))
            {
                var id = $"{company.Id}/{voucher.Series}/{voucher.Number}";
                for (var n = 2; !ids.Add(id); n++) id = $"{company.Id}/{voucher.Series}/{voucher.Number}~{n}";
                _vouchers.Row(id, company.Id, Empty(voucher.Series), Empty(voucher.Number), voucher.Date, voucher.Text, voucher.Registered, voucher.Sign);
                for (var i = 0; i < voucher.Rows.Count; i++)
                {
                    var row = voucher.Rows[i];
                    var transaction = $"{id}/{i + 1}";
                    _rows.Row(transaction, id, company.Id, i + 1, Kind(row.Kind), row.Account, SieDatasets.Objects(row.Objects), row.Amount,
                        row.Date ?? voucher.Date, row.Text, row.Quantity, row.Sign);
                    foreach (var o in row.Objects)
                        _objects.Row(transaction, company.Id, o.Dimension, o.Object, names.GetValueOrDefault((o.Dimension, o.Object)));
                }
            }
        }
    }

    private static SieDocument? TakenFrom(CompanyBooks company, DateOnly date) =>
        company.Years.FirstOrDefault(y => date >= y.Start && date <= y.End)?.Source;

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string Kind(RowKind kind) => kind switch { RowKind.Added => "added", RowKind.Removed => "removed", _ => "normal" };

    public void Dispose()
    {
        _vouchers.Dispose();
        _rows.Dispose();
        _objects.Dispose();
    }
}
