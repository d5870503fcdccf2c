using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Ratios;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Periods;
using Styrkort.Core.Tests.Engines;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>Runs the ratio library of the repository over SIE files, as <c>styrkort ratios</c> does, in a warehouse of the given engine.</summary>
internal sealed class Ratios(Engine engine)
{
    public RatioReport Of(params string[] paths) => Of(paths.Select(p => SieReader.Read(p).Document).ToArray());

    public RatioReport Of(params SieDocument[] documents) => Of(TestFiles.Library, null, documents);

    public RatioReport Of(string library, IndustryRequest? industry, params SieDocument[] documents)
    {
        var company = Assert.Single(CompanyBooks.From(documents));
        using var warehouse = engine.Open();
        return RatioAnalysis.Analyse(company, library, industry, TimeProvider.System, warehouse);
    }

    /// <summary>The monthly library (bas-nyckeltal-manad.yaml) for the given periods, as <c>ratios --period</c> runs it.</summary>
    public RatioPeriodReport ByPeriod(string[] periods, params SieDocument[] documents)
    {
        var company = Assert.Single(CompanyBooks.From(documents));
        using var warehouse = engine.Open();
        return RatioAnalysis.AnalysePeriods(company, TestFiles.MonthlyLibrary, periods.Select(Period.Parse).ToList(), TimeProvider.System, warehouse);
    }
}

internal static class RatioReportValues
{
    public static double? Value(this RatioReport report, int year, string ratio) =>
        report.Years.Single(y => y.Index == year).Values[ratio]?.AsDouble;

    public static double? Value(this RatioPeriodReport report, string period, string ratio) =>
        report.Periods.Single(p => p.Period == period).Values[ratio]?.AsDouble;
}
