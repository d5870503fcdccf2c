namespace Styrkort.Accounts.Sie;

/// <summary>
/// The content of one SIE file (types 1–4), as read: who exported what, the fiscal years, the chart of accounts, the
/// balances and the vouchers. Amounts are debit positive, credit negative, as in SIE. Line numbers point into the file.
/// </summary>
public sealed record SieDocument(
    string Source,
    SieHeader Header,
    IReadOnlyList<FiscalYear> FiscalYears,
    IReadOnlyList<SieAccount> Accounts,
    IReadOnlyList<SieDimension> Dimensions,
    IReadOnlyList<SieObject> Objects,
    IReadOnlyList<YearBalance> Balances,
    IReadOnlyList<ObjectBalance> ObjectBalances,
    IReadOnlyList<PeriodBalance> PeriodBalances,
    IReadOnlyList<Voucher> Vouchers)
{
    public FiscalYear? Year(int index) => FiscalYears.FirstOrDefault(y => y.Index == index);
}

/// <summary>The identification items: the company, the program that wrote the file, and how the file was read.</summary>
public sealed record SieHeader(
    string? CompanyName,
    string? OrgNr,
    string? AcquisitionNumber,
    string? CompanyCode,
    string? CompanyType,
    string? Sni,
    IReadOnlyList<string> Address,
    string? Program,
    string? ProgramVersion,
    DateOnly? Generated,
    string? GeneratedBy,
    int? SieType,
    int Flag,
    string? DeclaredFormat,
    string Encoding,
    string? ChartOfAccounts,
    string? Currency,
    int? TaxYear,
    DateOnly? BookedTo,
    Checksum Checksum,
    IReadOnlyList<string> Comments);

/// <summary>What the file's #KSUMMA said: absent, or present and matching, or present and not matching.</summary>
public enum Checksum { Absent, Valid, Invalid }

/// <summary>A fiscal year of #RAR: 0 is the current year, −1 the one before, and so on.</summary>
public sealed record FiscalYear
{
    public FiscalYear(int index, DateOnly start, DateOnly end, int line)
    {
        if (end < start) throw new ArgumentException($"a fiscal year cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
        (Index, Start, End, Line) = (index, start, end, line);
    }

    public int Index { get; }
    public DateOnly Start { get; }
    public DateOnly End { get; }
    public int Line { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>An account of the chart (#KONTO), with its type (T, S, K, I), SRU codes and quantity unit where given.</summary>
public sealed record SieAccount(string Number, string? Name, string? Type, IReadOnlyList<string> Sru, string? Unit, int Line);

public sealed record SieDimension(string Number, string? Name, string? Parent, int Line);

public sealed record SieObject(string Dimension, string Id, string? Name, int Line);

/// <summary>One (dimension, object) pair of an object list.</summary>
public readonly record struct ObjectRef(string Dimension, string Object)
{
    public override string ToString() => $"{Dimension}={Object}";
}

public enum BalanceKind { Opening, Closing, Result }

/// <summary>#IB, #UB or #RES: an account's opening or closing balance, or its result, in a fiscal year.</summary>
public sealed record YearBalance(BalanceKind Kind, int YearIndex, string Account, decimal Amount, decimal? Quantity, int Line);

/// <summary>#OIB or #OUB: the opening or closing balance of an account for one object.</summary>
public sealed record ObjectBalance(BalanceKind Kind, int YearIndex, string Account, IReadOnlyList<ObjectRef> Objects, decimal Amount, decimal? Quantity, int Line);

public enum PeriodBalanceKind { Actual, Budget }

/// <summary>#PSALDO (the change on an account in a month) or #PBUDGET (its budget); objects empty for the account as a whole.</summary>
public sealed record PeriodBalance(PeriodBalanceKind Kind, int YearIndex, int Year, int Month, string Account, IReadOnlyList<ObjectRef> Objects, decimal Amount, decimal? Quantity, int Line);

/// <summary>#VER and its rows.</summary>
public sealed record Voucher(string Series, string Number, DateOnly Date, string? Text, DateOnly? Registered, string? Sign, IReadOnlyList<TransactionRow> Rows, int Line)
{
    /// <summary>The rows that count: #TRANS and #RTRANS, not the removed #BTRANS.</summary>
    public IEnumerable<TransactionRow> Effective => Rows.Where(r => r.Kind != RowKind.Removed);

    public decimal Imbalance => Effective.Sum(r => r.Amount);
}

/// <summary>#TRANS (a row), #RTRANS (a row added later) or #BTRANS (a row removed later).</summary>
public enum RowKind { Normal, Added, Removed }

public sealed record TransactionRow(RowKind Kind, string Account, IReadOnlyList<ObjectRef> Objects, decimal Amount, DateOnly? Date, string? Text, decimal? Quantity, string? Sign, int Line);

/// <summary>Something an accountant should know about a file that was read nonetheless.</summary>
public sealed record SieWarning(SieWarningKind Kind, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

public enum SieWarningKind
{
    /// <summary>How the text was decoded, where it is not what the file says.</summary>
    Encoding,
    /// <summary>A line or field that was read in a tolerant way, or skipped.</summary>
    Syntax,
    Checksum,
    UnbalancedVoucher,
    OpeningBalancesNotZero,
    NotReconciled,
    YearCopied,
    DuplicateBalance,
    OutsideFiscalYears,
}

/// <summary>A file that was read: its content and the warnings about it.</summary>
public sealed record SieReadResult(SieDocument Document, IReadOnlyList<SieWarning> Warnings);
