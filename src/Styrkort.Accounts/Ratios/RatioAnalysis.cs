using System.Data.Common;
using Styrkort.Accounts.Datasets;
using Styrkort.Core.Compilation;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;
using Styrkort.Core.Sql;
using Styrkort.Core.Warehouse;

namespace Styrkort.Accounts.Ratios;

/// <summary>
/// Evaluates a ratio library (libraries/bas-nyckeltal.yaml by default) for every fiscal year of one company: the
/// company's SIE files become the library's datasets in an in-memory warehouse, and each metric is compiled and run by
/// the engine for the month in which the fiscal year ends. Nothing about any ratio is known here; every metric of the
/// library is a ratio of the report, in the library's order. The warehouse is a scratch area: an in-memory DuckDB by
/// default, or one the caller gives (e.g. PostgreSQL), whose tables of the library's datasets the import replaces.
/// </summary>
public static class RatioAnalysis
{
    /// <summary>The library that ships beside the program.</summary>
    public static string DefaultLibrary => Path.Combine(AppContext.BaseDirectory, "libraries", "bas-nyckeltal.yaml");

    public static RatioReport Analyse(CompanyBooks company, string libraryPath, IndustryRequest? industry, TimeProvider clock, IWarehouse? warehouse = null)
    {
        // Each year is evaluated for the month it ends in; two years ending in one month could not be told apart.
        if (company.Years.GroupBy(y => (y.End.Year, y.End.Month)).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new StyrkortException(new SourceLocation(clash.First().Source.Source, clash.First().Source.Year(clash.First().SourceIndex)?.Line ?? 0, 0),
                $"two fiscal years end in {clash.Key.Year}-{clash.Key.Month:D2}; ratios needs one fiscal year per month");
        var library = GoalFileReader.Read(libraryPath);
        MetricCompiler.CheckAll(library);
        if (industry is not null) library = IndustryTable.AddTo(library, industry.TablePath);
        foreach (var year in company.Years)
            if (year.End.Year is < 1900 or > 2999)
                throw new StyrkortException(new SourceLocation(year.Source.Source, 0, 0), $"the fiscal year ending {year.End:yyyy-MM-dd} is outside the years 1900–2999");
        // Each fiscal year is evaluated for the month it ends in (the library's windows select that year), all in one plan.
        var periods = company.Years.Select(y => new Period(PeriodKind.Month, y.End.Year, y.End.Month)).ToList();
        return Evaluated(company, library, periods, industry, clock, warehouse, (store, names, computed) =>
        {
            var table = industry is null ? null : IndustryTable.Load(store);
            var years = company.Years.Select((year, i) =>
            {
                var values = Values(company, names, computed[i]);
                var figures = table is null ? null : IndustryTable.Match(table, industry!, values);
                return new RatioYear(year.Index, year.Start, year.End, values, figures);
            }).ToList();
            return new RatioReport(company.Name, company.OrgNr, Definitions(library), years);
        });
    }

    /// <summary>The library of the same ratios month by month (balances at a period's end, results over rolling 12 months).</summary>
    public static string DefaultMonthlyLibrary => Path.Combine(AppContext.BaseDirectory, "libraries", "bas-nyckeltal-manad.yaml");

    /// <summary>
    /// Every metric of a library (bas-nyckeltal-manad.yaml by default) for the given periods — a month, a quarter, a
    /// year — in the order given: what the library's windows make of a period, not a fiscal year's.
    /// </summary>
    public static RatioPeriodReport AnalysePeriods(CompanyBooks company, string libraryPath, IReadOnlyList<Period> periods, TimeProvider clock, IWarehouse? warehouse = null)
    {
        var library = GoalFileReader.Read(libraryPath);
        MetricCompiler.CheckAll(library);
        return Evaluated(company, library, periods, null, clock, warehouse, (_, names, computed) =>
            new RatioPeriodReport(company.Name, company.OrgNr, Definitions(library),
                periods.Select((p, i) => new RatioPeriod(p.ToString(), p.Start, p.End, Values(company, names, computed[i]))).ToList()));
    }

    /// <summary>The company's files as the library's datasets in the warehouse (a scratch in-memory one by default), and every metric for every period.</summary>
    private static T Evaluated<T>(CompanyBooks company, GoalFile library, IReadOnlyList<Period> periods, IndustryRequest? industry, TimeProvider clock, IWarehouse? warehouse,
        Func<IWarehouse, IReadOnlyList<string>, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>>>, T> report)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-ratios-").FullName;
        try
        {
            SieDatasets.Write([company], folder);
            if (industry is not null) IndustryTable.CopyInto(folder, industry.TablePath);
            using var memory = warehouse is null ? Warehouse.Open(null) : null;
            var store = warehouse ?? memory!;
            try
            {
                store.Import(library, folder, clock);
            }
            catch (Exception e) when (industry is not null && e is StyrkortException or InputErrorsException)
            {
                throw IndustryTable.Renamed(e, folder, industry.TablePath);
            }
            var names = library.Metrics.Keys.ToList();
            return report(store, names, new Evaluator(library, store).Metrics(names, periods, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<RatioDefinition> Definitions(GoalFile library) =>
        library.Metrics.Values.Select(m => new RatioDefinition(m.Name, m.Labels ?? new LocalizedText(m.Name, m.Name), m.Unit)).ToList();

    private static Dictionary<string, Quantity?> Values(CompanyBooks company, IReadOnlyList<string> names, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Quantity>> computed) =>
        names.ToDictionary(n => n, n => computed[n].TryGetValue(company.Id, out var v) ? v : (Quantity?)null, StringComparer.Ordinal);
}
