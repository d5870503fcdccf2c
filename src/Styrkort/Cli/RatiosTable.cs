using System.Globalization;
using Spectre.Console;
using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Ratios;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Formatting;

namespace Styrkort.Cli;

/// <summary>
/// The readable form of <c>ratios</c>: one row per ratio, one column per fiscal year (newest first), each followed by
/// its change against the year before — in percentage points for percentages, in per cent for amounts, in days or times
/// for the rest — and the industry median beside the newest year when an industry table is given.
/// </summary>
public static class RatiosTable
{
    public static void Write(IAnsiConsole console, RatioReport report, CompanyBooks company, IEnumerable<string> files, Core.Presentation.Language lang)
    {
        var sv = !lang.IsEnglish;
        console.MarkupLine($"[bold]{Markup.Escape(report.Company)}[/]" + (report.OrgNr is { } org ? $"  {(sv ? "org.nr" : "reg. no.")} {org}" : ""));
        foreach (var file in files) console.MarkupLine($"[grey]{Markup.Escape(file)}[/]");
        foreach (var year in company.Years)
        {
            var booked = year.BookedDays < year.Days ? (sv ? $", bokfört t.o.m. {year.Start.AddDays(year.BookedDays - 1):yyyy-MM-dd}" : $", booked to {year.Start.AddDays(year.BookedDays - 1):yyyy-MM-dd}") : "";
            console.MarkupLine($"[grey]{(sv ? "räkenskapsår" : "fiscal year")} {Name(year.Start, year.End)} ({year.Index}): {year.Start:yyyy-MM-dd} – {year.End:yyyy-MM-dd}{booked}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(sv ? "Nyckeltal" : "Ratio");
        var years = report.Years;
        for (var i = 0; i < years.Count; i++)
        {
            table.AddColumn(new TableColumn($"[bold]{Name(years[i].Start, years[i].End)}[/]").RightAligned());
            if (i + 1 < years.Count) table.AddColumn(new TableColumn(sv ? "förändring" : "change").RightAligned());
        }
        var industry = years.Count > 0 ? years[0].Industry : null;
        if (industry is not null) table.AddColumn(new TableColumn($"{(sv ? "bransch" : "industry")} {Markup.Escape(industry.Sni)}, {Markup.Escape(industry.SizeClass)}").RightAligned());

        foreach (var ratio in report.Ratios)
        {
            var cells = new List<string> { Markup.Escape(ratio.Label.For(lang)) };
            AddValues(cells, ratio, years.Select(y => y.Values).ToList(), lang);
            if (industry is not null)
                cells.Add(industry.Medians.TryGetValue(ratio.Name, out var median) ? Markup.Escape(Value(median, ratio.Unit, lang)) : "");
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    /// <summary>A ratio's value in each column (a year or a period), each followed by its change against the next.</summary>
    private static void AddValues(List<string> cells, RatioDefinition ratio, IReadOnlyList<IReadOnlyDictionary<string, Quantity?>> columns, Core.Presentation.Language lang)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var value = columns[i].GetValueOrDefault(ratio.Name)?.AsDouble;
            cells.Add(value is { } v ? Markup.Escape(Value(v, ratio.Unit, lang)) : "–");
            if (i + 1 < columns.Count) cells.Add(Markup.Escape(Change(value, columns[i + 1].GetValueOrDefault(ratio.Name)?.AsDouble, ratio.Unit, lang)));
        }
    }

    /// <summary><c>ratios --period</c>: one column per period (the one asked, then a year before), each followed by its change against the next.</summary>
    public static void Write(IAnsiConsole console, RatioPeriodReport report, IEnumerable<string> files, Core.Presentation.Language lang)
    {
        var sv = !lang.IsEnglish;
        console.MarkupLine($"[bold]{Markup.Escape(report.Company)}[/]" + (report.OrgNr is { } org ? $"  {(sv ? "org.nr" : "reg. no.")} {org}" : ""));
        foreach (var file in files) console.MarkupLine($"[grey]{Markup.Escape(file)}[/]");
        console.MarkupLine(sv
            ? "[grey]ur verifikationerna: saldon vid periodens slut, resultat rullande 12 månader (– där verifikationerna inte täcker månaderna)[/]"
            : "[grey]from the vouchers: balances at the period's end, results over the rolling 12 months (– where the vouchers do not cover the months)[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(sv ? "Nyckeltal" : "Ratio");
        var periods = report.Periods;
        for (var i = 0; i < periods.Count; i++)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(periods[i].Period)}[/]").RightAligned());
            if (i + 1 < periods.Count) table.AddColumn(new TableColumn(sv ? "förändring" : "change").RightAligned());
        }
        foreach (var ratio in report.Ratios)
        {
            var cells = new List<string> { Markup.Escape(ratio.Label.For(lang)) };
            AddValues(cells, ratio, periods.Select(p => p.Values).ToList(), lang);
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    /// <summary>A calendar fiscal year by its year (2021); a broken one as Swedish reports write it (2009/10).</summary>
    private static string Name(DateOnly start, DateOnly end) =>
        start.Year == end.Year ? end.Year.ToString(CultureInfo.InvariantCulture) : $"{start.Year}/{end.Year % 100:D2}";

    private static NumberFormatInfo Numbers(Core.Presentation.Language lang) => Core.Presentation.Figures.Numbers(lang);

    /// <summary>A ratio's value by its unit, as every output writes it (<see cref="Core.Presentation.Figures"/>).</summary>
    public static string Value(double value, string? unit, Core.Presentation.Language lang) =>
        Core.Presentation.Figures.Value(value, unit, lang);

    /// <summary>The change from the year before: percentage points for percentages, per cent for amounts (when last year's is above 0).</summary>
    public static string Change(double? now, double? before, string? unit, Core.Presentation.Language lang)
    {
        if (now is not { } a || before is not { } b) return "";
        var nf = Numbers(lang);
        var sv = !lang.IsEnglish;
        string Signed(double d, string format) => (d > 0 ? "+" : "") + d.ToString(format, nf);
        return unit switch
        {
            "percent" => Signed(a - b, "N1") + (sv ? "\u00a0p.e." : " pp"),
            "SEK" when b > 0 => Signed(100 * (a - b) / b, "N1") + (sv ? "\u00a0%" : "%"),
            "SEK" => Signed(a - b, "N0") + (sv ? "\u00a0kr" : " SEK"),
            "days" => Signed(a - b, "N1") + (sv ? "\u00a0dagar" : " days"),
            "times" => Signed(a - b, "N2") + (sv ? "\u00a0ggr" : " times"),
            _ => Signed(a - b, "N1"),
        };
    }
}
