using System.CommandLine;
using Styrkort.Accounts.Datasets;

namespace Styrkort.Cli;

/// <summary>
/// <c>styrkort sie FILE.SE… [--out DIR]</c>: reads SIE files, says what is in them and what an accountant should know,
/// and writes them as the CSV datasets of libraries/sie.yaml, ready for <c>import</c> and <c>evaluate --data DIR</c>.
/// </summary>
internal static class SieCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "SIE files (types 1–4), of one or more companies", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out") { Description = "Write the datasets (CSV) to this folder; without it the files are only checked" };
        var sni = new Option<string?>("--sni") { Description = "The SNI code to record for the company (else #BKOD of the file)" };
        var lang = new Option<string>("--lang") { Description = "sv or en", DefaultValueFactory = _ => "sv" };
        lang.AcceptOnlyFromAmong("sv", "en");
        var command = new Command("sie", "Read SIE files: check them, and write them as datasets for a goal file (libraries/sie.yaml)")
            { files, outDir, sni, lang };
        command.SetAction(p => Commands.Guard(() =>
        {
            var language = p.GetValue(lang)!;
            var sv = language != "en";
            var read = SieInput.Read(p.GetValue(files)!);
            SieInput.WriteWarnings(read, Console.Error, language);
            var companies = CompanyBooks.From(read.Select(r => r.Document).ToList(), p.GetValue(sni));
            foreach (var r in read)
            {
                var d = r.Document;
                Console.WriteLine(SieInput.Describe(d, language));
                Console.WriteLine(sv
                    ? $"  {d.Header.CompanyName} {d.Header.OrgNr}: {d.FiscalYears.Count} räkenskapsår, {d.Accounts.Count} konton, {d.Balances.Count} saldon, " +
                      $"{d.PeriodBalances.Count} periodsaldon, {d.Vouchers.Count} verifikationer, {r.Warnings.Count} {(r.Warnings.Count == 1 ? "varning" : "varningar")}"
                    : $"  {d.Header.CompanyName} {d.Header.OrgNr}: {d.FiscalYears.Count} fiscal years, {d.Accounts.Count} accounts, {d.Balances.Count} balances, " +
                      $"{d.PeriodBalances.Count} period balances, {d.Vouchers.Count} vouchers, {r.Warnings.Count} warning{(r.Warnings.Count == 1 ? "" : "s")}");
            }
            if (p.GetValue(outDir) is { } folder)
            {
                SieDatasets.Write(companies, folder);
                Console.WriteLine(sv
                    ? $"skrev {companies.Count} företag ({string.Join(", ", companies.Select(c => c.Id))}) till {folder}"
                    : $"wrote {companies.Count} compan{(companies.Count == 1 ? "y" : "ies")} ({string.Join(", ", companies.Select(c => c.Id))}) to {folder}");
            }
            return 0;
        }));
        return command;
    }
}
