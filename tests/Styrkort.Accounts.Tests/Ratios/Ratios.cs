using Styrkort.Accounts.Datasets;
using Styrkort.Accounts.Ratios;
using Styrkort.Accounts.Sie;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>Runs the ratio library of the repository over SIE files, as <c>styrkort ratios</c> does.</summary>
internal static class Ratios
{
    public static RatioReport Of(params string[] paths) => Of(paths.Select(p => SieReader.Read(p).Document).ToArray());

    public static RatioReport Of(params SieDocument[] documents) => Of(TestFiles.Library, null, documents);

    public static RatioReport Of(string library, IndustryRequest? industry, params SieDocument[] documents)
    {
        var company = Assert.Single(CompanyBooks.From(documents));
        return RatioAnalysis.Analyse(company, library, industry, TimeProvider.System);
    }

    public static double? Value(this RatioReport report, int year, string ratio) =>
        report.Years.Single(y => y.Index == year).Values[ratio]?.AsDouble;
}
