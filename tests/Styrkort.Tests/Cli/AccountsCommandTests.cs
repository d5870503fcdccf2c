using System.Text.Json;
using static Styrkort.Tests.Cli.StyrkortProcess;

namespace Styrkort.Tests.Cli;

/// <summary>
/// sie, ratios and margin through the real executable, on the example company of samples/smb (its figures are worked
/// out in docs/sie.md). The JSON of ratios is a public contract: its shape is pinned here.
/// </summary>
public sealed class AccountsCommandTests
{
    private static string Example => Path.Combine(RepoRoot, "samples", "smb", "exempelbolaget.se");

    private static readonly string[] ContractRatios =
    [
        "soliditet", "kassalikviditet", "balanslikviditet", "bruttovinstmarginal", "nettovinstmarginal", "rorelsemarginal", "kundkredittid",
        "leverantorskredittid", "lageromsattningshastighet", "avkastning_eget_kapital", "nettoomsattning", "ebitda",
        "summa_tillgangar", "eget_kapital",
    ];

    [Fact]
    public void Ratios_Json_IsTheContract()
    {
        var result = Run("ratios", Example, "--format", "json");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["company", "org_nr", "years"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Järnhandeln i Åre AB", "555555-5555"), (root.GetProperty("company").GetString(), root.GetProperty("org_nr").GetString()));
        var years = root.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["index", "start", "end", "ratios"], years[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal((0, "2023-01-01", "2023-12-31"), (years[0].GetProperty("index").GetInt32(), years[0].GetProperty("start").GetString(), years[0].GetProperty("end").GetString()));
        Assert.Equal(-1, years[1].GetProperty("index").GetInt32());
        Assert.Equal(ContractRatios, years[0].GetProperty("ratios").EnumerateObject().Select(p => p.Name));
        Assert.Equal(72.764, years[0].GetProperty("ratios").GetProperty("soliditet").GetDouble(), 9);
        Assert.Equal(1_200_000m, years[0].GetProperty("ratios").GetProperty("nettoomsattning").GetDecimal());
        Assert.Equal(JsonValueKind.Null, years[1].GetProperty("ratios").GetProperty("kundkredittid").ValueKind);
    }

    [Fact]
    public void Ratios_Table_InSwedishFormats()
    {
        var result = Run("ratios", Example);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Järnhandeln i Åre AB", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("72,8\u00a0%", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+14,6\u00a0p.e.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1\u00a0200\u00a0000\u00a0kr", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("31,9\u00a0dagar", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratios_WithAnIndustryTable()
    {
        var table = Run("ratios", Example, "--industry", Path.Combine(RepoRoot, "samples", "smb", "industry.csv"), "--lang", "en");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("industry 4752, 0–3 Mkr", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Equity ratio", table.Stdout, StringComparison.Ordinal);
        var json = Run("ratios", Example, "--industry", "samples/smb/industry.csv", "--sni", "62010", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var industry = doc.RootElement.GetProperty("years")[0].GetProperty("industry");
        Assert.Equal("62", industry.GetProperty("sni").GetString());
        Assert.Equal(45.0 - 5, industry.GetProperty("medians").GetProperty("soliditet").GetDouble());
    }

    [Fact]
    public void Sie_ThenEvaluate_TheSmallCompanysGoals()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-smb-").FullName;
        try
        {
            var sie = Run("sie", Example, "--out", folder);
            Assert.Equal(0, sie.ExitCode);
            Assert.True(File.Exists(Path.Combine(folder, "sie_balances.csv")));
            var result = Run("evaluate", "--goals", Path.Combine(RepoRoot, "samples", "smb", "exempelbolaget.yaml"), "--data", folder, "--period", "2023", "--format", "json");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            var statuses = json.RootElement.GetProperty("results").EnumerateArray()
                .ToDictionary(r => r.GetProperty("goal").GetString()!, r => r.GetProperty("status").GetString());
            Assert.Equal("met", statuses["soliditet"]);
            Assert.Equal("not_met", statuses["avkastning_eget_kapital"]);
            Assert.Equal("met", statuses["kundkredittid"]);
            var before = Run("evaluate", "--goals", "samples/smb/exempelbolaget.yaml", "--data", folder, "--period", "2022", "--format", "json");
            Assert.Contains("\"goal\":\"kundkredittid\",\"unit\":\"555555-5555\",\"value\":null,\"comparison\":null,\"status\":\"no_data\"", before.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ratios_Period_IsTheMonthAgainstAYearBefore()
    {
        var result = Run("ratios", Example, "--period", "2023-12", "--format", "json");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["company", "org_nr", "periods"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var periods = json.RootElement.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["period", "start", "end", "ratios"], periods[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["2023-12", "2022-12"], periods.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal(ContractRatios, periods[0].GetProperty("ratios").EnumerateObject().Select(p => p.Name));
        // The month closing the fiscal year is the year's soliditet; 2022 has no vouchers in the file.
        Assert.Equal(72.764, periods[0].GetProperty("ratios").GetProperty("soliditet").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, periods[1].GetProperty("ratios").GetProperty("soliditet").ValueKind);

        var table = Run("ratios", Example, "--period", "2023-06");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("2023-06", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("90,7\u00a0%", table.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, Run("ratios", Example, "--period", "2023-13").ExitCode);
    }

    [Fact]
    public void Sie_Unit_WritesTheCompanyAsThatUnit()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-sie-unit-").FullName;
        try
        {
            var sie = Run("sie", Example, "--unit", "company", "--out", folder);
            Assert.Equal(0, sie.ExitCode);
            Assert.All(File.ReadLines(Path.Combine(folder, "sie_balances.csv")).Skip(1), line => Assert.StartsWith("company,", line, StringComparison.Ordinal));
            Assert.StartsWith("company,", File.ReadLines(Path.Combine(folder, "sie_companies.csv")).Skip(1).Single(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs ratios on the example and one more file with the given text.</summary>
    private static Result RatiosWith(string text, bool withExample)
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-sie-").FullName;
        try
        {
            var path = Path.Combine(folder, "other.se");
            File.WriteAllText(path, text);
            return withExample ? Run("ratios", Example, path) : Run("ratios", path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Sie_UnreadableFile_IsAnErrorWithLineAndColumn()
    {
        var result = RatiosWith("#FLAGGA 0\n#RAR 0 20230101 20231231\n#UB 0 1930 12,34,56\n", withExample: false);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"other\.se:3:12: #UB: expected an amount such as -1234\.50, found '12,34,56'", result.Stderr);
    }

    [Fact]
    public void Ratios_FilesOfTwoCompanies_AreRefused()
    {
        var result = RatiosWith("#FNAMN \"Annat AB\"\n#RAR 0 20230101 20231231\n#UB 0 1930 1\n", withExample: true);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the files are of 2 companies", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--markup", "25" }, "Påslag 25,0\u00a0% ger marginal 20,0\u00a0%.")]
    [InlineData(new[] { "--margin", "40", "--lang", "en" }, "A margin of 40.0% needs a markup of 66.7%.")]
    [InlineData(new[] { "--markup", "40", "--cost", "60" }, "Inköpspris 60\u00a0kr → pris 84\u00a0kr, bruttovinst 24\u00a0kr")]
    [InlineData(new[] { "--margin", "12,5%" }, "Marginal 12,5\u00a0% kräver påslag 14,3\u00a0%.")]
    public void Margin_BothWays(string[] args, string expected)
    {
        var result = Run(["margin", .. args]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--margin", "100" }, "a margin of 100 % or more cannot be reached at any price")]
    [InlineData(new[] { "--markup", "10", "--margin", "10" }, "give exactly one of --markup PERCENT and --margin PERCENT")]
    [InlineData(new[] { "--markup", "tio" }, "--markup: 'tio' is not a number")]
    public void Margin_Impossible(string[] args, string message)
    {
        var result = Run(["margin", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
