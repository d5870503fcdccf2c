namespace Styrkort.Samples.Almi.Internal;

/// <summary>Plausible Swedish company names from word lists; a few carry commas or quotes so CSV quoting is exercised.</summary>
internal static class CompanyNames
{
    private static readonly string[] Surnames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg",
        "Lindqvist", "Lindgren", "Berg", "Axelsson", "Sandberg", "Forsberg", "Sjöberg", "Wallin",
        "Engström", "Eklund", "Danielsson", "Lundqvist", "Håkansson", "Björk", "Öberg", "Åberg",
        "Ström", "Hedlund", "Holm", "Nyström", "Mårtensson", "Fransson", "Söderberg", "Lundgren",
        "Yilmaz", "Ali", "Mohammed", "Nguyen", "Kovač", "Hussein", "Novak", "Petrović",
    ];

    private static readonly string[] Prefixes =
    [
        "Nord", "Syd", "Väst", "Öst", "Fjäll", "Älv", "Sjö", "Skogs", "Ek", "Björk", "Gran", "Lönn",
        "Polar", "Kust", "Dal", "Ås", "Strand", "Hav", "Sol", "Vind", "Ljus", "Sten", "Berg", "Ängs",
        "Myr", "Lin", "Ros", "Tall", "Hög", "Bäck", "Näs", "Vik",
    ];

    private static readonly string[] Trades =
    [
        "Bygg", "Måleri", "El", "VVS", "Rör", "Plåt", "Snickeri", "Konsult", "Data", "IT", "Teknik",
        "Design", "Media", "Redovisning", "Transport", "Åkeri", "Logistik", "Fastighet", "Städ",
        "Trädgård", "Café", "Restaurang", "Bageri", "Frisör", "Hälsa", "Tandvård", "Fysio", "Verkstad",
        "Mekaniska", "Plast", "Trä", "Möbel", "Textil", "Livsmedel", "Fisk", "Lantbruk", "Skog",
        "Energi", "Solkraft", "Miljö", "Event", "Reklam", "Arkitekter", "Ingenjörer", "Juridik",
        "Mjukvara", "Spelutveckling", "Bil", "Motor", "Marin", "Vård", "Utbildning", "Robotik", "Foto",
    ];

    private static readonly string[] Nicknames =
    [
        "Pärlan", "Solrosen", "Hörnan", "Kvarnen", "Fyren", "Ankaret", "Tornet", "Lyktan", "Smedjan",
    ];

    public static string For(SampleContext ctx, int index, int county)
    {
        var rng = new Rng(ctx.Seed, RngStream.Name, index);
        string surname = Surnames[rng.NextInt(Surnames.Length)];
        string trade = Trades[rng.NextInt(Trades.Length)];
        string prefix = Prefixes[rng.NextInt(Prefixes.Length)];
        string[] cities = Catalogue.Counties[county].Cities;
        string city = cities[rng.NextInt(cities.Length)];
        double form = rng.NextDouble();
        if (form < 0.003)
            return string.Concat(trade, " \"", Nicknames[rng.NextInt(Nicknames.Length)], "\" i ", city, " AB");
        if (form < 0.03)
            return rng.Chance(0.5)
                ? string.Concat(surname, ", ", Surnames[rng.NextInt(Surnames.Length)], " & Partners AB")
                : string.Concat(trade, ", ", Trades[rng.NextInt(Trades.Length)].ToLowerInvariant(), " och service i ", city, " AB");
        if (form < 0.30)
            return string.Concat(Genitive(surname), " ", trade, " AB");
        if (form < 0.55)
            return string.Concat(prefix, trade.ToLowerInvariant(), " AB");
        if (form < 0.72)
            return string.Concat(trade, " i ", city, " AB");
        if (form < 0.82)
            return string.Concat(surname, " & ", Surnames[rng.NextInt(Surnames.Length)], " AB");
        if (form < 0.92)
            return string.Concat(city, " ", trade, " Aktiebolag");
        return string.Concat(prefix, trade.ToLowerInvariant(), " Sverige AB");
    }

    private static string Genitive(string name) =>
        name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') ? name : name + "s";
}
