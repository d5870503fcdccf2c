namespace Styrkort.Samples.Smb.Internal;

/// <summary>Swedish people's and customer companies' names from word lists; some carry commas so CSV quoting is exercised.</summary>
internal static class Names
{
    private static readonly string[] FirstNames =
    [
        "Karin", "Lars", "Eva", "Mikael", "Lena", "Anders", "Sofia", "Per", "Emma", "Magnus", "Ida", "Fredrik",
        "Elin", "Jonas", "Hanna", "Daniel", "Sanna", "Niklas", "Amira", "Ahmed", "Julia", "Viktor", "Ebba", "Gustav",
        "Malin", "Henrik", "Frida", "Mattias", "Nora", "Leo", "Alva", "Omar", "Klara", "Hugo", "Maja", "Isak",
    ];

    private static readonly string[] Surnames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Hansson", "Bengtsson", "Lindberg", "Lindgren", "Axelsson", "Forsberg",
        "Sjöberg", "Wallin", "Engström", "Eklund", "Lundqvist", "Håkansson", "Björk", "Öberg", "Ström", "Hedlund",
        "Mårtensson", "Söderberg", "Yilmaz", "Nguyen", "Hussein", "Novak",
    ];

    private static readonly string[] Prefixes =
    [
        "Nord", "Syd", "Väst", "Öst", "Fjäll", "Älv", "Sjö", "Skogs", "Ek", "Björk", "Gran", "Polar", "Kust", "Dal",
        "Strand", "Sol", "Vind", "Sten", "Berg", "Ängs", "Vik", "Hav", "Ljus", "Lin",
    ];

    private static readonly string[] Trades =
    [
        "Bygg", "El", "VVS", "Fastighet", "Logistik", "Transport", "Verkstad", "Mekaniska", "Energi", "Vård",
        "Tandvård", "Redovisning", "Teknik", "Livsmedel", "Trä", "Plast", "Miljö", "Städ", "Hotell", "Handel",
    ];

    private static readonly string[] SmallForms = ["AB", "AB", "AB", "i Sverige AB", "& Söner AB", "HB"];
    private static readonly string[] LargeForms = ["AB", "Group AB", "Sverige AB", "Holding AB", "Koncernen AB"];

    public static string Person(Rng rng) => $"{FirstNames[rng.NextInt(FirstNames.Length)]} {Surnames[rng.NextInt(Surnames.Length)]}";

    public static string Customer(Rng rng, bool large)
    {
        var stem = rng.Chance(0.3) ? Surnames[rng.NextInt(Surnames.Length)] + "s " : Prefixes[rng.NextInt(Prefixes.Length)];
        var trade = Trades[rng.NextInt(Trades.Length)];
        var name = stem.EndsWith(' ') ? stem + trade : stem + trade.ToLowerInvariant();
        var forms = large ? LargeForms : SmallForms;
        // A few names carry a comma, as real registered names do ("Berg, Ek & Co").
        return rng.Chance(0.03) ? $"{name}, {Surnames[rng.NextInt(Surnames.Length)]} & Co {forms[0]}" : $"{name} {forms[rng.NextInt(forms.Length)]}";
    }
}
