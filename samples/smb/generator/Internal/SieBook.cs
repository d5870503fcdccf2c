using System.Globalization;
using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Sie;

namespace Styrkort.Samples.Smb.Internal;

/// <summary>
/// Closes the books (opening balances of 2024 and their settlement, VAT per month, tax at each year end, paid in May),
/// writes them as an SIE 4 file with three fiscal years (#RAR 0 is 2026, booked to 31 March) and converts that file with the
/// program's own SIE conversion into the sie_*.csv datasets, the company mapped to the root unit.
/// </summary>
internal static class SieBook
{
    private static readonly Dictionary<string, string> Chart = new()
    {
        ["1220"] = "Inventarier och verktyg", ["1229"] = "Ackumulerade avskrivningar på inventarier", ["1460"] = "Lager av handelsvaror", ["1510"] = "Kundfordringar",
        ["1930"] = "Företagskonto", ["2081"] = "Aktiekapital", ["2091"] = "Balanserad vinst eller förlust", ["2440"] = "Leverantörsskulder",
        ["2512"] = "Beräknad inkomstskatt", ["2611"] = "Utgående moms 25 %", ["2640"] = "Ingående moms",
        ["2650"] = "Redovisningskonto för moms", ["2710"] = "Personalskatt", ["2730"] = "Lagstadgade sociala avgifter",
        ["2920"] = "Upplupna semesterlöner", ["2940"] = "Upplupna lagstadgade sociala och andra avgifter",
        ["3011"] = "Abonnemangsintäkter", ["3041"] = "Konsulttjänster", ["3042"] = "Utbildningar", ["4010"] = "Hosting och licenser",
        ["4600"] = "Underkonsulter", ["4610"] = "Utbildningskostnader", ["5010"] = "Lokalhyra", ["5420"] = "Programvaror",
        ["5800"] = "Resekostnader", ["5910"] = "Annonsering", ["5930"] = "Reklamtrycksaker och direktreklam", ["5940"] = "Utställningar och mässor",
        ["6050"] = "Försäljningsprovisioner", ["6071"] = "Representation, avdragsgill", ["6212"] = "Mobiltelefon", ["6310"] = "Företagsförsäkringar",
        ["6530"] = "Redovisningstjänster", ["6570"] = "Bankkostnader", ["7210"] = "Löner till tjänstemän", ["7410"] = "Pensionsförsäkringspremier",
        ["7510"] = "Arbetsgivaravgifter", ["7832"] = "Avskrivningar på inventarier", ["8310"] = "Ränteintäkter från omsättningstillgångar",
        ["8910"] = "Skatt som belastar årets resultat",
    };

    public const decimal OpeningStock = 380_000m;

    private static readonly (string Account, decimal Amount)[] Opening =
    [
        ("1460", OpeningStock),
        ("1220", 1_150_000m), ("1229", -430_000m), ("1510", 4_200_000m), ("1930", 5_000_000m), ("2081", -100_000m),
        ("2440", -640_000m), ("2650", -510_000m), ("2710", -395_000m), ("2730", -420_000m), ("2920", -2_300_000m), ("2940", -720_000m),
    ];

    public static void Close(Books books)
    {
        books.Add("A", new DateOnly(2024, 1, 12), "Skattekonto, löner 2023-12", new Posting("2710", 395_000m), new Posting("2730", 420_000m), new Posting("1930", -815_000m));
        books.Add("E", new DateOnly(2024, 1, 20), "Leverantörsbetalningar 2023", new Posting("2440", 640_000m), new Posting("1930", -640_000m));
        books.Add("A", new DateOnly(2024, 1, 26), "Moms 2023-12", new Posting("2650", 510_000m), new Posting("1930", -510_000m));
        books.Add("C", new DateOnly(2024, 1, 10), "Kundinbetalningar 2023", new Posting("1930", 2_100_000m), new Posting("1510", -2_100_000m));
        books.Add("C", new DateOnly(2024, 1, 25), "Kundinbetalningar 2023", new Posting("1930", 1_600_000m), new Posting("1510", -1_600_000m));
        books.Add("C", new DateOnly(2024, 2, 5), "Kundinbetalningar 2023", new Posting("1930", 500_000m), new Posting("1510", -500_000m));
        foreach (var month in Company.Months(Company.LastDay))
        {
            var end = Company.MonthEnd(month);
            var inMonth = books.Entries.Where(e => e.Date >= month && e.Date <= end).SelectMany(e => e.Postings).ToList();
            var output = inMonth.Where(p => p.Account == "2611").Sum(p => p.Amount);
            var input = inMonth.Where(p => p.Account == "2640").Sum(p => p.Amount);
            books.Add("A", end, $"Momsredovisning {Month(month)}", new Posting("2611", -output), new Posting("2640", -input), new Posting("2650", output + input));
            books.Add("A", new DateOnly(month.Year, month.Month, 26).AddMonths(1), $"Moms {Month(month)}", new Posting("2650", -(output + input)), new Posting("1930", output + input));
        }
        for (var year = Company.FirstDay.Year; year < Company.LastDay.Year; year++)
        {
            var profit = -books.Entries.Where(e => e.Date.Year == year).SelectMany(e => e.Postings).Where(p => Number(p.Account) is >= 3000 and < 8900).Sum(p => p.Amount);
            var tax = Math.Max(0, Math.Round(profit * 0.206m));
            books.Add("A", new DateOnly(year, 12, 31), "Beräknad skatt " + year, new Posting("8910", tax), new Posting("2512", -tax));
            books.Add("A", new DateOnly(year + 1, 5, 4), "Slutlig skatt " + year, new Posting("2512", tax), new Posting("1930", -tax));
        }
    }

    public static void Write(Books books, string dir)
    {
        var path = Path.Combine(dir, SmbFiles.Sie);
        using (var stream = File.Create(path)) SieWriter.Write(Document(books, path), stream, checksum: true);
        var read = SieReader.Read(path);
        // The datasets name the company by its organisation number, as any SIE file's do; smb-data.yaml maps that
        // number to the root unit (units: organisations:), the way a user reads an exported file against their own tree.
        SieDatasets.Write(CompanyBooks.From([read.Document]), dir);
    }

    private static SieDocument Document(Books books, string path)
    {
        var firstYear = Company.FirstDay.Year;
        var years = Enumerable.Range(firstYear, Company.LastDay.Year - firstYear + 1)
            .Select(y => new FiscalYear(y - Company.LastDay.Year, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), 0)).OrderByDescending(y => y.Index).ToList();
        var balances = new List<YearBalance>();
        var running = Opening.ToDictionary(o => o.Account, o => o.Amount, StringComparer.Ordinal);
        running["2091"] = -Opening.Sum(o => o.Amount);
        var vouchers = new List<Voucher>();
        foreach (var year in years.OrderBy(y => y.Index))
        {
            foreach (var (account, amount) in running.OrderBy(r => r.Key, StringComparer.Ordinal).Where(r => r.Value != 0))
                balances.Add(new YearBalance(BalanceKind.Opening, year.Index, account, amount, null, 0));
            var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in books.Entries.Where(e => year.Contains(e.Date)).OrderBy(e => e.Date).ThenBy(e => e.Series, StringComparer.Ordinal))
            {
                numbers[e.Series] = numbers.GetValueOrDefault(e.Series) + 1;
                var rows = e.Postings.Select(p => new TransactionRow(RowKind.Normal, p.Account,
                    p.CostCentre is { } cc ? [new ObjectRef("1", cc)] : [], p.Amount, null, null, null, null, 0)).ToList();
                vouchers.Add(new Voucher(e.Series, numbers[e.Series].ToString(CultureInfo.InvariantCulture), e.Date, e.Text, e.Date, null, rows, 0));
                foreach (var p in e.Postings)
                {
                    var into = Number(p.Account) < 3000 ? running : (IDictionary<string, decimal>)result;
                    into[p.Account] = into.TryGetValue(p.Account, out var v) ? v + p.Amount : p.Amount;
                }
            }
            foreach (var (account, amount) in running.OrderBy(r => r.Key, StringComparer.Ordinal).Where(r => r.Value != 0))
                balances.Add(new YearBalance(BalanceKind.Closing, year.Index, account, amount, null, 0));
            foreach (var (account, amount) in result.Where(r => r.Value != 0))
                balances.Add(new YearBalance(BalanceKind.Result, year.Index, account, amount, null, 0));
            // The year's result is carried forward to retained earnings in the next year's opening balance.
            running["2091"] += result.Values.Sum();
        }
        var header = new SieHeader(Company.Name, Company.OrgNr, null, null, "AB", Company.Sni, ["Ekonomiavdelningen", "Storgatan 12", "903 26 Umeå", "090-123 45 60"],
            "Styrkort sample smb", "1", new DateOnly(2026, 4, 2), "Ekonomichefen", 4, 0, "PC8", "CP437", "BAS2024", "SEK", 2026, Company.LastDay, Checksum.Absent, []);
        var accounts = Chart.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new SieAccount(a.Key, a.Value, null, [], null, 0)).ToList();
        var objects = Company.Departments.Select(d => new SieObject("1", d, Company.Units.First(u => u.Id == d).Name, 0)).ToList();
        return new SieDocument(path, header, years, accounts, [new SieDimension("1", "Kostnadsställe", null, 0)], objects, balances, [], [], vouchers);
    }

    private static int Number(string account) => int.Parse(account, CultureInfo.InvariantCulture);

    private static string Month(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year}-{month.Month:D2}");
}
