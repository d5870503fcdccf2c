namespace Styrkort.Samples.Almi.Internal;

internal sealed record County(string Code, string Name, int Population, string[] Cities);

internal sealed record Subsidiary(string Id, string Name, string[] Regions, string[] Neighbours);

/// <summary>Sweden's 21 län and the 16 regional subsidiaries of Företagspartner that cover them.</summary>
internal static class Catalogue
{
    public const string RootId = "foretagspartner";
    public const string RootName = "Företagspartner";

    /// <summary>Share of a subsidiary's engagements that go to companies of a neighbour's regions.</summary>
    public const double NeighbourShare = 0.03;

    // Population 2023 (SCB, rounded); it weights the regions of the company stock.
    public static readonly County[] Counties =
    [
        new("01", "Stockholm", 2_454_821, ["Stockholm", "Solna", "Södertälje", "Täby", "Nacka", "Norrtälje"]),
        new("03", "Uppsala", 404_589, ["Uppsala", "Enköping", "Östhammar"]),
        new("04", "Södermanland", 301_801, ["Eskilstuna", "Nyköping", "Katrineholm", "Strängnäs"]),
        new("05", "Östergötland", 469_989, ["Linköping", "Norrköping", "Motala", "Mjölby"]),
        new("06", "Jönköping", 366_479, ["Jönköping", "Värnamo", "Nässjö", "Gislaved"]),
        new("07", "Kronoberg", 203_686, ["Växjö", "Ljungby", "Älmhult"]),
        new("08", "Kalmar", 246_641, ["Kalmar", "Västervik", "Oskarshamn", "Nybro"]),
        new("09", "Gotland", 61_001, ["Visby", "Slite", "Hemse"]),
        new("10", "Blekinge", 156_381, ["Karlskrona", "Karlshamn", "Ronneby"]),
        new("12", "Skåne", 1_414_659, ["Malmö", "Helsingborg", "Lund", "Kristianstad", "Ystad", "Hässleholm"]),
        new("13", "Halland", 340_243, ["Halmstad", "Varberg", "Falkenberg", "Kungsbacka"]),
        new("14", "Västra Götaland", 1_751_676, ["Göteborg", "Borås", "Trollhättan", "Uddevalla", "Skövde", "Lidköping"]),
        new("17", "Värmland", 283_196, ["Karlstad", "Arvika", "Kristinehamn", "Torsby"]),
        new("18", "Örebro", 306_792, ["Örebro", "Karlskoga", "Lindesberg"]),
        new("19", "Västmanland", 280_315, ["Västerås", "Köping", "Sala"]),
        new("20", "Dalarna", 288_387, ["Falun", "Borlänge", "Mora", "Ludvika"]),
        new("21", "Gävleborg", 287_767, ["Gävle", "Sandviken", "Hudiksvall", "Bollnäs"]),
        new("22", "Västernorrland", 243_606, ["Sundsvall", "Härnösand", "Örnsköldsvik"]),
        new("23", "Jämtland", 132_054, ["Östersund", "Åre", "Strömsund"]),
        new("24", "Västerbotten", 275_272, ["Umeå", "Skellefteå", "Lycksele"]),
        new("25", "Norrbotten", 248_480, ["Luleå", "Piteå", "Kiruna", "Boden"]),
    ];

    public static readonly Subsidiary[] Subsidiaries =
    [
        new("stockholm_sormland", "Företagspartner Stockholm Sörmland", ["01", "04"], ["uppsala", "malardalen", "ostergotland"]),
        new("uppsala", "Företagspartner Uppsala", ["03"], ["stockholm_sormland", "malardalen", "gavledala"]),
        new("malardalen", "Företagspartner Mälardalen", ["18", "19"], ["stockholm_sormland", "uppsala", "varmland", "gavledala"]),
        new("ostergotland", "Företagspartner Östergötland", ["05"], ["stockholm_sormland", "jonkoping", "kalmar"]),
        new("jonkoping", "Företagspartner Jönköping", ["06"], ["ostergotland", "kronoberg", "vast", "halland"]),
        new("kronoberg", "Företagspartner Kronoberg", ["07"], ["jonkoping", "kalmar", "blekinge", "skane"]),
        new("kalmar", "Företagspartner Kalmar", ["08"], ["ostergotland", "kronoberg", "blekinge", "gotland"]),
        new("gotland", "Företagspartner Gotland", ["09"], ["stockholm_sormland", "kalmar"]),
        new("blekinge", "Företagspartner Blekinge", ["10"], ["skane", "kronoberg", "kalmar"]),
        new("skane", "Företagspartner Skåne", ["12"], ["halland", "blekinge", "kronoberg"]),
        new("halland", "Företagspartner Halland", ["13"], ["vast", "skane", "jonkoping"]),
        new("vast", "Företagspartner Väst", ["14"], ["halland", "jonkoping", "varmland"]),
        new("varmland", "Företagspartner Värmland", ["17"], ["vast", "malardalen", "gavledala"]),
        new("gavledala", "Företagspartner GävleDala", ["20", "21"], ["uppsala", "malardalen", "varmland", "mitt"]),
        new("mitt", "Företagspartner Mitt", ["22", "23"], ["gavledala", "nord"]),
        new("nord", "Företagspartner Nord", ["24", "25"], ["mitt"]),
    ];

    /// <summary>Index of the subsidiary covering each county (by county index).</summary>
    public static readonly int[] UnitOfCounty = BuildUnitOfCounty();

    public static readonly int[][] NeighboursOf = Subsidiaries
        .Select(s => s.Neighbours.Select(IndexOf).ToArray())
        .ToArray();

    public static readonly double[] CountyWeights = Counties.Select(c => (double)c.Population).ToArray();

    /// <summary>Expected share of all engagements that each subsidiary makes, neighbour loans included.</summary>
    public static readonly double[] EngagementShare = BuildEngagementShare();

    public static readonly double MaxEngagementShare = EngagementShare.Max();

    public static int IndexOf(string unitId) =>
        Array.FindIndex(Subsidiaries, s => string.Equals(s.Id, unitId, StringComparison.Ordinal)) is var i and >= 0
            ? i
            : throw new ArgumentException($"Unknown subsidiary '{unitId}'.", nameof(unitId));

    public static long WriteUnits(string directory)
    {
        using var csv = new CsvWriter(directory, Files.Units, "unit_id", "name", "parent_id", "regions");
        csv.Text(RootId).Text(RootName).Empty().Empty().EndRow();
        foreach (var s in Subsidiaries)
            csv.Text(s.Id).Text(s.Name).Text(RootId).Text(string.Join(';', s.Regions)).EndRow();
        return csv.Rows;
    }

    private static int[] BuildUnitOfCounty()
    {
        var result = new int[Counties.Length];
        for (int c = 0; c < Counties.Length; c++)
        {
            string code = Counties[c].Code;
            result[c] = Array.FindIndex(Subsidiaries, s => s.Regions.Contains(code, StringComparer.Ordinal));
        }
        return result;
    }

    private static double[] BuildEngagementShare()
    {
        double total = CountyWeights.Sum();
        var home = new double[Subsidiaries.Length];
        for (int c = 0; c < Counties.Length; c++)
            home[UnitOfCounty[c]] += CountyWeights[c] / total;
        var share = new double[Subsidiaries.Length];
        for (int u = 0; u < home.Length; u++)
        {
            share[u] += home[u] * (1 - NeighbourShare);
            foreach (int n in NeighboursOf[u])
                share[n] += home[u] * NeighbourShare / NeighboursOf[u].Length;
        }
        return share;
    }
}

internal static class Files
{
    public const string Units = "units.csv";
    public const string Companies = "companies.csv";
    public const string Financials = "financials.csv";
    public const string Loans = "loans.csv";
    public const string Efforts = "efforts.csv";
    public const string LoanLedger = "loan_ledger.csv";
    public const string OperatingCosts = "operating_costs.csv";
    public const string NpsResponses = "nps_responses.csv";
    public const string EngagementResponses = "engagement_responses.csv";
    public const string KycSnapshots = "kyc_snapshots.csv";
    public const string Targets = "targets.csv";
}
