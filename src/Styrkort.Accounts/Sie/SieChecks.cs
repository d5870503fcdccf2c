using System.Globalization;

namespace Styrkort.Accounts.Sie;

/// <summary>
/// The checks an accountant needs before trusting the numbers of a file that was read: vouchers that do not balance,
/// opening balances that do not sum to zero, vouchers that do not add up to the year's balances, a previous year that is
/// a copy of the current one, and vouchers dated outside every fiscal year.
/// </summary>
public static class SieChecks
{
    public static IEnumerable<SieWarning> Run(SieDocument document) =>
        UnbalancedVouchers(document)
            .Concat(OpeningBalances(document))
            .Concat(Reconciliation(document))
            .Concat(CopiedYears(document))
            .Concat(OutsideFiscalYears(document));

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static IEnumerable<SieWarning> UnbalancedVouchers(SieDocument document) =>
        from v in document.Vouchers
        let imbalance = v.Imbalance
        where imbalance != 0
        select new SieWarning(SieWarningKind.UnbalancedVoucher, v.Line,
            $"voucher {Name(v)} of {v.Date:yyyy-MM-dd} does not balance: its rows sum to {Amount(imbalance)}, not 0");

    private static string Name(Voucher v) => (v.Series + " " + v.Number).Trim() is { Length: > 0 } n ? n : "(unnumbered)";

    private static IEnumerable<SieWarning> OpeningBalances(SieDocument document)
    {
        foreach (var year in document.FiscalYears)
        {
            var opening = document.Balances.Where(b => b.Kind == BalanceKind.Opening && b.YearIndex == year.Index).ToList();
            var sum = opening.Sum(b => b.Amount);
            if (opening.Count > 0 && sum != 0)
                yield return new SieWarning(SieWarningKind.OpeningBalancesNotZero, opening.Min(b => b.Line),
                    $"the opening balances (#IB) of year {year.Index} ({year.Start:yyyy-MM-dd}) sum to {Amount(sum)}, not 0: " +
                    "the result of the year before is probably not booked to equity");
        }
    }

    /// <summary>
    /// Per account, a year's opening balance plus its transactions must give the closing balance (balance-sheet accounts),
    /// and the transactions alone the result (profit-and-loss accounts). Checked only for years with vouchers and balances.
    /// </summary>
    private static IEnumerable<SieWarning> Reconciliation(SieDocument document)
    {
        foreach (var year in document.FiscalYears)
        {
            var rows = document.Vouchers.Where(v => year.Contains(v.Date)).SelectMany(v => v.Effective).ToList();
            var balances = document.Balances.Where(b => b.YearIndex == year.Index).ToList();
            if (rows.Count == 0 || !balances.Any(b => b.Kind != BalanceKind.Opening)) continue;
            var moved = rows.GroupBy(r => r.Account).ToDictionary(g => g.Key, g => (Sum: g.Sum(r => r.Amount), Line: g.Min(r => r.Line)), StringComparer.Ordinal);
            var byAccount = balances.ToLookup(b => b.Account, StringComparer.Ordinal);
            var accounts = moved.Keys.Concat(balances.Select(b => b.Account)).Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal);
            foreach (var account in accounts)
            {
                var items = byAccount[account].ToList();
                var ib = items.FirstOrDefault(b => b.Kind == BalanceKind.Opening);
                var ub = items.FirstOrDefault(b => b.Kind == BalanceKind.Closing);
                var res = items.FirstOrDefault(b => b.Kind == BalanceKind.Result);
                var (sum, firstRow) = moved.TryGetValue(account, out var m) ? m : (0m, 0);
                var balanceSheet = ib is not null || ub is not null || (res is null && IsBalanceSheet(account));
                if (balanceSheet)
                {
                    var expected = (ib?.Amount ?? 0) + sum;
                    var actual = ub?.Amount ?? 0;
                    if (expected != actual)
                        yield return new SieWarning(SieWarningKind.NotReconciled, ub?.Line ?? ib?.Line ?? firstRow,
                            $"account {account}, year {year.Index}: opening balance {Amount(ib?.Amount ?? 0)} + transactions {Amount(sum)} = {Amount(expected)}, " +
                            $"but the closing balance (#UB) is {Amount(actual)}");
                }
                else if (sum != (res?.Amount ?? 0))
                    yield return new SieWarning(SieWarningKind.NotReconciled, res?.Line ?? firstRow,
                        $"account {account}, year {year.Index}: transactions sum to {Amount(sum)}, but the result (#RES) is {Amount(res?.Amount ?? 0)}");
            }
        }
    }

    private static bool IsBalanceSheet(string account) => account.Length > 0 && account[0] is '1' or '2';

    private static IEnumerable<SieWarning> CopiedYears(SieDocument document)
    {
        static List<(BalanceKind, string, decimal)> Items(SieDocument d, int year) =>
            d.Balances.Where(b => b.YearIndex == year && b.Kind != BalanceKind.Opening)
                .Select(b => (b.Kind, b.Account, b.Amount)).OrderBy(x => x.Kind).ThenBy(x => x.Account, StringComparer.Ordinal).ToList();
        var current = Items(document, 0);
        if (current.Count == 0) yield break;
        foreach (var year in document.FiscalYears.Where(y => y.Index < 0))
            if (Items(document, year.Index).SequenceEqual(current))
                yield return new SieWarning(SieWarningKind.YearCopied, year.Line,
                    $"the closing balances and results of year {year.Index} are exactly those of year 0: probably a copy made by the exporting program, not the real figures");
    }

    private static IEnumerable<SieWarning> OutsideFiscalYears(SieDocument document) =>
        document.FiscalYears.Count == 0
            ? []
            : from v in document.Vouchers
              where !document.FiscalYears.Any(y => y.Contains(v.Date))
              select new SieWarning(SieWarningKind.OutsideFiscalYears, v.Line, $"voucher {Name(v)} is dated {v.Date:yyyy-MM-dd}, outside the file's fiscal years");
}
