using Styrkort.Accounts.Sie;

namespace Styrkort.Accounts.Datasets;

/// <summary>
/// Writes companies' SIE accounts as the CSV files of the datasets declared in libraries/sie.yaml, so that the ordinary
/// import (all or nothing, every cell checked) loads them into a warehouse and any goal file can use them. The column
/// names here and in sie.yaml are one contract; a test reads the YAML to hold them together.
/// </summary>
public static class SieDatasets
{
    public static readonly IReadOnlyList<string> Files =
    [
        "sie_companies.csv", "sie_fiscal_years.csv", "sie_accounts.csv", "sie_balances.csv", "sie_object_balances.csv",
        "sie_period_balances.csv", "sie_vouchers.csv", "sie_transactions.csv", "sie_transaction_objects.csv", "sie_ledger.csv", "sie_ledger_months.csv",
    ];

    public static void Write(IReadOnlyList<CompanyBooks> companies, string folder)
    {
        Directory.CreateDirectory(folder);
        string P(string file) => Path.Combine(folder, file);
        using var companyTable = new CsvTable(P("sie_companies.csv"), "company", "parent", "name", "org_nr", "sni");
        using var years = new CsvTable(P("sie_fiscal_years.csv"), "company", "year_index", "start_date", "end_date", "days", "booked_days");
        using var accounts = new CsvTable(P("sie_accounts.csv"), "company", "account", "name", "type", "sru", "quantity_unit");
        using var balances = new CsvTable(P("sie_balances.csv"), "company", "year_index", "year_end", "kind", "account", "amount", "quantity");
        using var objectBalances = new CsvTable(P("sie_object_balances.csv"), "company", "year_index", "year_end", "kind", "account", "objects", "amount", "quantity");
        using var periods = new CsvTable(P("sie_period_balances.csv"), "company", "year_index", "month", "kind", "account", "objects", "amount", "quantity");
        using var ledger = new LedgerTables(P("sie_ledger.csv"), P("sie_ledger_months.csv"));
        var vouchers = new VoucherTables(P("sie_vouchers.csv"), P("sie_transactions.csv"), P("sie_transaction_objects.csv"));
        using (vouchers)
            foreach (var company in companies)
            {
                var id = company.Id;
                companyTable.Row(id, null, company.Name, company.OrgNr, company.Sni);
                foreach (var year in company.Years)
                {
                    years.Row(id, year.Index, year.Start, year.End, year.Days, year.BookedDays);
                    var source = year.Source;
                    foreach (var b in source.Balances.Where(b => b.YearIndex == year.SourceIndex))
                        balances.Row(id, year.Index, year.End, Kind(b.Kind), b.Account, b.Amount, b.Quantity);
                    foreach (var b in source.ObjectBalances.Where(b => b.YearIndex == year.SourceIndex))
                        objectBalances.Row(id, year.Index, year.End, Kind(b.Kind), b.Account, Objects(b.Objects), b.Amount, b.Quantity);
                    foreach (var p in source.PeriodBalances.Where(p => p.YearIndex == year.SourceIndex))
                        periods.Row(id, year.Index, $"{p.Year:D4}-{p.Month:D2}", p.Kind == PeriodBalanceKind.Actual ? "actual" : "budget",
                            p.Account, Objects(p.Objects), p.Amount, p.Quantity);
                }
                foreach (var a in Accounts(company)) accounts.Row(id, a.Number, a.Name, a.Type, a.Sru.Count > 0 ? string.Join(';', a.Sru) : null, a.Unit);
                vouchers.Write(company);
                ledger.Write(company);
            }
    }

    internal static string Kind(BalanceKind kind) => kind switch { BalanceKind.Opening => "IB", BalanceKind.Closing => "UB", _ => "RES" };

    internal static string? Objects(IReadOnlyList<ObjectRef> objects) => objects.Count == 0 ? null : string.Join(';', objects);

    /// <summary>The chart of every file (the latest file's name wins), and the accounts used without being declared.</summary>
    private static IEnumerable<SieAccount> Accounts(CompanyBooks company)
    {
        var chart = new SortedDictionary<string, SieAccount>(StringComparer.Ordinal);
        foreach (var document in company.Documents)
        {
            foreach (var a in document.Accounts) chart[a.Number] = a;
            var used = document.Balances.Select(b => b.Account)
                .Concat(document.PeriodBalances.Select(p => p.Account))
                .Concat(document.Vouchers.SelectMany(v => v.Rows).Select(r => r.Account));
            foreach (var number in used) chart.TryAdd(number, new SieAccount(number, null, null, [], null, 0));
        }
        return chart.Values;
    }
}
