using Styrkort.Accounts.Sie;

namespace Styrkort.Accounts.Datasets;

/// <summary>
/// What the monthly ratios (libraries/bas-nyckeltal-manad.yaml) are computed from, in the database: the ledger of every
/// fiscal year that has vouchers — its opening balances (#IB, dated its first day) and the rows of its vouchers, each
/// carrying its fiscal year's bounds, so that a balance at any day is one sum (opening balance + vouchers of that year
/// up to the day) — and the months that ledger covers, so that a month without vouchers in the file has no value
/// instead of a zero. Nothing is summed here: the rows are written as the file has them.
/// </summary>
internal sealed class LedgerTables(string ledgerPath, string monthsPath) : IDisposable
{
    private readonly CsvTable _ledger = new(ledgerPath, "company", "year_start", "year_end", "date", "kind", "account", "amount");
    private readonly CsvTable _months = new(monthsPath, "company", "month", "year_start", "opening");

    public void Write(CompanyBooks company)
    {
        foreach (var year in company.Years)
        {
            // The vouchers written for this year (VoucherTables takes them from the file the year is taken from).
            var vouchers = year.Source.Vouchers.Where(v => v.Date >= year.Start && v.Date <= year.End).ToList();
            if (!vouchers.SelectMany(v => v.Effective).Any()) continue; // balances only: the year has no ledger
            var openings = year.Source.Balances.Where(b => b.YearIndex == year.SourceIndex && b.Kind == BalanceKind.Opening).ToList();
            foreach (var b in openings)
                _ledger.Row(company.Id, year.Start, year.End, year.Start, "IB", b.Account, b.Amount);
            foreach (var v in vouchers)
                foreach (var row in v.Effective)
                    _ledger.Row(company.Id, year.Start, year.End, v.Date, "voucher", row.Account, row.Amount);
            // The months up to the day the books run to: the year's end, the day #OMFATTN names, or the day the file was
            // written, whichever comes first (a file exported in March has no April).
            var last = year.Start.AddDays(year.BookedDays - 1);
            if (year.Source.Header.Generated is { } written && written >= year.Start && written < last) last = written;
            for (var month = new DateOnly(year.Start.Year, year.Start.Month, 1); month <= last; month = month.AddMonths(1))
                _months.Row(company.Id, $"{month.Year:D4}-{month.Month:D2}", year.Start, openings.Count > 0 ? "true" : "false");
        }
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _months.Dispose();
    }
}
