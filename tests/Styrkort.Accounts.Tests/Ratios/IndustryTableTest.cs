using Styrkort.Accounts.Ratios;
using Styrkort.Accounts.Sie;
using Styrkort.Core.Diagnostics;
using Styrkort.Core.Tests.Engines;
using static Styrkort.Accounts.Tests.TestFiles;

namespace Styrkort.Accounts.Tests.Ratios;

/// <summary>Industry medians beside a company's ratios: by the longest SNI prefix and the size class of its net revenue.</summary>
public abstract class IndustryTableTest(Engine engine)
{
    private static readonly SieDocument Company = SieReader.Read(Example).Document;

    private IndustryFigures? Figures(IndustryRequest request, int year = 0) =>
        new Ratios(engine).Of(Library, request, Company).Years.Single(y => y.Index == year).Industry;

    [Fact]
    public void SampleTable_LongestSniPrefixAndSizeByNetRevenue()
    {
        // 47521 (hardware shops): the table has 47 and 4752; 1.2 MSEK of net revenue is the class 0–3 Mkr.
        var figures = Figures(new IndustryRequest(IndustrySample, "47521"))!;
        Assert.Equal(("4752", "0–3 Mkr"), (figures.Sni, figures.SizeClass));
        Assert.Equal(35.0, figures.Medians["soliditet"]);
        Assert.Equal(9, figures.Medians.Count);
    }

    [Fact]
    public void SizeClass_CanBeGiven()
    {
        var figures = Figures(new IndustryRequest(IndustrySample, "62010", "10–50 Mkr"))!;
        Assert.Equal(("62", "10–50 Mkr"), (figures.Sni, figures.SizeClass));
        Assert.False(figures.Medians.ContainsKey("lageromsattningshastighet"));
    }

    [Fact]
    public void UnknownIndustry_HasNoFigures() => Assert.Null(Figures(new IndustryRequest(IndustrySample, "01110")));

    [Fact]
    public void BadTable_IsRefusedWithFileLineAndColumn()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-industry-").FullName;
        try
        {
            var path = Path.Combine(folder, "industry.csv");
            File.WriteAllText(path, "sni,size_class,revenue_from,revenue_to,ratio,median\n47,small,,3000000,soliditet,35\n47,large,3000000,,soliditet,hög\n");
            var e = Assert.Throws<InputErrorsException>(() => Figures(new IndustryRequest(path, "47")));
            Assert.Equal((path, 3, 6), (e.Errors[0].Location.File, e.Errors[0].Location.Line, e.Errors[0].Location.Column));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingTable_IsAnError() =>
        Assert.Contains("industry table not found", Assert.Throws<StyrkortException>(() => Figures(new IndustryRequest("/no/such.csv", "47"))).Message, StringComparison.Ordinal);
}

public sealed class IndustryTableTestOnDuckDb() : IndustryTableTest(DuckDbEngine.Instance);

public sealed class IndustryTableTestOnPostgres(PostgresEngine engine) : IndustryTableTest(engine), IClassFixture<PostgresEngine>;
