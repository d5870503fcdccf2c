using System.CommandLine;
using Spectre.Console;
using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Ratios;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Periods;
using Styrkort.Core.Warehouse;

namespace Styrkort.Cli;

/// <summary>
/// <c>styrkort ratios FILE.SE…</c>: a company's key ratios year against year, evaluated by the engine from the ratio
/// library (YAML). The JSON form is a public contract (issue 5): company, org_nr, years with index, start, end, ratios.
/// </summary>
internal static class RatiosCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "SIE files of one company (types 1–4); several files add their years", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var lang = LanguageOption.Create();
        var library = new Option<string?>("--library") { Description = "The ratio library (YAML); default: bas-nyckeltal.yaml shipped with styrkort" };
        var industry = new Option<string?>("--industry") { Description = "A table of industry medians (CSV: sni,size_class,revenue_from,revenue_to,ratio,median)" };
        var sni = new Option<string?>("--sni") { Description = "The company's SNI code, for --industry (else #BKOD of the file)" };
        var sizeClass = new Option<string?>("--size-class") { Description = "The company's size class in the industry table (else by net revenue)" };
        var warehouse = new Option<string?>("--warehouse")
        {
            Description = "Compute in this warehouse (a PostgreSQL URL or a DuckDB file; its tables of the library's datasets are replaced); default: in memory",
        };
        var period = new Option<string?>("--period")
        {
            Description = "A month (2026-03), quarter (2026-Q1) or year, against the same period a year before, from the vouchers " +
                          "(bas-nyckeltal-manad.yaml: balances at its end, results over the rolling 12 months); default: every fiscal year",
        };
        var command = new Command("ratios", "A company's financial ratios from its SIE file, year against year")
            { files, format, lang, library, industry, sni, sizeClass, warehouse, period };
        command.SetAction(p => Commands.Guard(() =>
        {
            var language = p.GetValue(lang);
            var read = SieInput.Read(p.GetValue(files)!);
            SieInput.WriteWarnings(read, Console.Error, language);
            var companies = CompanyBooks.From(read.Select(r => r.Document).ToList(), p.GetValue(sni));
            if (companies.Count > 1)
                throw new StyrkortException(new SourceLocation(read[^1].Document.Source, 0, 0),
                    $"the files are of {companies.Count} companies ({string.Join("; ", companies.Select(c => c.Name))}); ratios compares the years of one company");
            var company = companies[0];
            IndustryRequest? request = null;
            if (p.GetValue(industry) is { } table)
            {
                var code = company.Sni ?? throw new ArgumentException("--industry needs the company's SNI code: give --sni (the file has no #BKOD)");
                request = new IndustryRequest(table, code, p.GetValue(sizeClass));
            }
            using var store = p.GetValue(warehouse) is { } location ? Warehouse.Open(location) : null;
            if (p.GetValue(period) is { } text)
            {
                if (request is not null) throw new ArgumentException("--industry compares fiscal years; leave out --period to compare with the industry");
                if (!Period.TryParse(text, out var asked)) throw new ArgumentException($"--period: '{text}' is not a period; expected a month (2026-03), a quarter (2026-Q1) or a year (2026)");
                var periods = new List<Period> { asked };
                if (asked.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year && asked.Year > 1900) periods.Add(new Period(asked.Kind, asked.Year - 1, asked.Index));
                var byPeriod = RatioAnalysis.AnalysePeriods(company, p.GetValue(library) ?? RatioAnalysis.DefaultMonthlyLibrary, periods, TimeProvider.System, store);
                Print(byPeriod, p.GetValue(format) == "json", () => RatiosTable.Write(AnsiConsole.Console, byPeriod, read.Select(r => SieInput.Describe(r.Document, language)), language));
                return 0;
            }
            var report = RatioAnalysis.Analyse(company, p.GetValue(library) ?? RatioAnalysis.DefaultLibrary, request, TimeProvider.System, store);
            if (p.GetValue(format) == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                RatiosJson.Write(report, stdout);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
                RatiosTable.Write(AnsiConsole.Console, report, company, read.Select(r => SieInput.Describe(r.Document, language)), language);
            }
            return 0;
        }));
        return command;
    }

    private static void Print(RatioPeriodReport report, bool json, Action table)
    {
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            RatiosJson.Write(report, stdout);
            stdout.WriteByte((byte)'\n');
            return;
        }
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        table();
    }
}
