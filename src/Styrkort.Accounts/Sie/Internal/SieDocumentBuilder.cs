namespace Styrkort.Accounts.Sie.Internal;

/// <summary>What the parser has collected so far; <see cref="Build"/> makes the immutable document.</summary>
internal sealed class SieDocumentBuilder
{
    internal sealed class AccountInfo(string number, int line)
    {
        public string Number { get; } = number;
        public int Line { get; } = line;
        public string? Name;
        public string? Type;
        public string? Unit;
        public readonly List<string> Sru = [];
    }

    public int Flag;
    public string? DeclaredFormat, Program, ProgramVersion, GeneratedBy, CompanyName, OrgNr, AcquisitionNumber, CompanyCode, CompanyType, Sni,
        ChartOfAccounts, Currency;
    public int FormatLine;
    public int? SieType, TaxYear;
    public DateOnly? Generated, BookedTo;
    public IReadOnlyList<string> Address = [];
    public Checksum Checksum = Checksum.Absent;
    public readonly List<string> Comments = [];
    public readonly List<FiscalYear> FiscalYears = [];
    public readonly List<SieDimension> Dimensions = [];
    public readonly List<SieObject> Objects = [];
    public readonly List<YearBalance> Balances = [];
    public readonly List<ObjectBalance> ObjectBalances = [];
    public readonly List<PeriodBalance> PeriodBalances = [];
    public readonly List<Voucher> Vouchers = [];
    private readonly Dictionary<string, AccountInfo> _accounts = new(StringComparer.Ordinal);

    public AccountInfo Account(string number, int line)
    {
        if (!_accounts.TryGetValue(number, out var account)) _accounts[number] = account = new AccountInfo(number, line);
        return account;
    }

    public SieDocument Build(string source, string encoding, Action<SieWarningKind, int, string> warn)
    {
        var years = FiscalYears.Select(y => y.Index).ToHashSet();
        bool Known(int index, int line, string label)
        {
            if (years.Contains(index)) return true;
            warn(SieWarningKind.Syntax, line, $"{label} for year {index}, but there is no #RAR {index}; ignored");
            return false;
        }
        var header = new SieHeader(CompanyName, OrgNr, AcquisitionNumber, CompanyCode, CompanyType, Sni, Address, Program, ProgramVersion,
            Generated, GeneratedBy, SieType, Flag, DeclaredFormat, encoding, ChartOfAccounts, Currency, TaxYear, BookedTo, Checksum, Comments);
        return new SieDocument(
            source,
            header,
            FiscalYears.OrderByDescending(y => y.Index).ToList(),
            _accounts.Values.OrderBy(a => a.Number, StringComparer.Ordinal)
                .Select(a => new SieAccount(a.Number, a.Name, a.Type, a.Sru, a.Unit, a.Line)).ToList(),
            Dimensions,
            Objects,
            MergeDuplicates(Balances.Where(b => Known(b.YearIndex, b.Line, Label(b.Kind))), warn),
            ObjectBalances.Where(b => Known(b.YearIndex, b.Line, "#O" + Label(b.Kind)[1..])).ToList(),
            PeriodBalances.Where(b => Known(b.YearIndex, b.Line, b.Kind == PeriodBalanceKind.Actual ? "#PSALDO" : "#PBUDGET")).ToList(),
            Vouchers);
    }

    internal static string Label(BalanceKind kind) => kind switch { BalanceKind.Opening => "#IB", BalanceKind.Closing => "#UB", _ => "#RES" };

    /// <summary>An account has one balance of a kind per year; a second one is added to the first, as a plain sum of the file would.</summary>
    private static List<YearBalance> MergeDuplicates(IEnumerable<YearBalance> balances, Action<SieWarningKind, int, string> warn)
    {
        var result = new List<YearBalance>();
        var index = new Dictionary<(BalanceKind, int, string), int>();
        foreach (var b in balances)
        {
            var key = (b.Kind, b.YearIndex, b.Account);
            if (index.TryGetValue(key, out var at))
            {
                var first = result[at];
                warn(SieWarningKind.DuplicateBalance, b.Line, $"{Label(b.Kind)} {b.YearIndex} {b.Account} is given again (first on line {first.Line}); the amounts are added");
                result[at] = first with { Amount = first.Amount + b.Amount, Quantity = first.Quantity + b.Quantity };
                continue;
            }
            index[key] = result.Count;
            result.Add(b);
        }
        return result;
    }
}
