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
        var unit = new Option<string?>("--unit")
        {
            Description = "The unit of one's own unit tree that the company is (else its organisation number); or map it in the goal file (units: organisations:)",
        };
        var lang = LanguageOption.Create();
        var command = new Command("sie", "Read SIE files: check them, and write them as datasets for a goal file (libraries/sie.yaml)")
            { files, outDir, sni, unit, lang };
        command.SetAction(p => Commands.Guard(() =>
        {
            var language = p.GetValue(lang);
            var sv = !language.IsEnglish;
            var read = SieInput.Read(p.GetValue(files)!);
            SieInput.WriteWarnings(read, Console.Error, language);
            var companies = CompanyBooks.From(read.Select(r => r.Document).ToList(), p.GetValue(sni));
            if (p.GetValue(unit) is { } id)
            {
                // The files' company becomes that unit in every dataset written: one company, one unit.
                if (companies.Count > 1)
                    throw new ArgumentException($"--unit names the unit of one company; the files are of {companies.Count} ({string.Join(", ", companies.Select(c => c.Id))}): " +
                        "write them one company at a time, or map each organisation number in the goal file (units: organisations:)");
                if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("--unit needs a unit id");
                companies = [companies[0] with { Id = id.Trim() }];
            }
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
