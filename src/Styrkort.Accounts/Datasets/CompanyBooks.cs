using System.Globalization;
using System.Text;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Accounts.Datasets;

/// <summary>A fiscal year of a company, and the file (and that file's year number) its figures are taken from.</summary>
public sealed record BookYear(int Index, DateOnly Start, DateOnly End, int BookedDays, SieDocument Source, int SourceIndex)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>
/// One company's accounts from one or more SIE files (this year's file and last year's, say). A fiscal year found in
/// several files is taken from the file where it is the most recent (year 0 before year −1), then from the latest
/// written; years are numbered again from the company's latest year (0, −1, …). Fiscal years that overlap without
/// being the same are an error.
/// </summary>
public sealed record CompanyBooks(string Id, string Name, string? OrgNr, string? Sni, IReadOnlyList<SieDocument> Documents, IReadOnlyList<BookYear> Years)
{
    /// <summary>Groups files by company: the same organisation number and name (demo files share 555555-5555).</summary>
    public static IReadOnlyList<CompanyBooks> From(IReadOnlyList<SieDocument> documents, string? sni = null)
    {
        var companies = new List<CompanyBooks>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in documents.GroupBy(Identity, StringComparer.Ordinal))
        {
            var files = group.OrderBy(d => d.Header.Generated ?? DateOnly.MinValue).ToList();
            var latest = files[^1].Header;
            var orgNr = FormatOrgNr(latest.OrgNr);
            var name = latest.CompanyName ?? orgNr ?? Path.GetFileNameWithoutExtension(files[^1].Source);
            var id = orgNr ?? Slug(name);
            for (var n = 2; !ids.Add(id); n++) id = $"{orgNr ?? Slug(name)}-{n}";
            companies.Add(new CompanyBooks(id, name, orgNr, sni ?? latest.Sni, files, ChooseYears(files)));
        }
        return companies;
    }

    private static string Identity(SieDocument d)
    {
        var digits = new string((d.Header.OrgNr ?? "").Where(char.IsAsciiDigit).ToArray());
        var valid = digits.Length >= 10 && digits.Any(c => c != '0');
        var name = (d.Header.CompanyName ?? "").Trim().ToUpperInvariant();
        return valid ? digits + "|" + name : name.Length > 0 ? "|" + name : "file|" + d.Source;
    }

    /// <summary>NNNNNN-NNNN for a ten-digit number (the form of #ORGNR); null when there is none to speak of.</summary>
    private static string? FormatOrgNr(string? orgNr)
    {
        var digits = new string((orgNr ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || digits.All(c => c == '0')) return null;
        return digits.Length == 10 ? $"{digits[..6]}-{digits[6..]}" : orgNr!.Trim();
    }

    private static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 0 ? slug : "company";
    }

    private static List<BookYear> ChooseYears(List<SieDocument> files)
    {
        var candidates = files.SelectMany((d, order) => d.FiscalYears.Select(y => (Year: y, Document: d, Order: order))).ToList();
        var chosen = candidates
            .GroupBy(c => (c.Year.Start, c.Year.End))
            .Select(g => g.OrderByDescending(c => c.Year.Index).ThenByDescending(c => c.Order).First())
            .OrderByDescending(c => c.Year.End)
            .ToList();
        for (var i = 1; i < chosen.Count; i++)
        {
            var (later, earlier) = (chosen[i - 1], chosen[i]);
            if (earlier.Year.End >= later.Year.Start)
                throw new StyrkortException(new SourceLocation(later.Document.Source, later.Year.Line, 1),
                    $"the fiscal year {later.Year.Start:yyyy-MM-dd} – {later.Year.End:yyyy-MM-dd} overlaps {earlier.Year.Start:yyyy-MM-dd} – " +
                    $"{earlier.Year.End:yyyy-MM-dd} of {earlier.Document.Source} (line {earlier.Year.Line}); a company's fiscal years cannot overlap");
        }
        return chosen.Select((c, i) => new BookYear(-i, c.Year.Start, c.Year.End, BookedDays(c.Year, c.Document), c.Document, c.Year.Index)).ToList();
    }

    /// <summary>#OMFATTN says up to which day the current year's balances run, where that is before the year's end.</summary>
    private static int BookedDays(FiscalYear year, SieDocument document) =>
        year.Index == 0 && document.Header.BookedTo is { } to && to >= year.Start && to < year.End
            ? to.DayNumber - year.Start.DayNumber + 1
            : year.Days;
}
