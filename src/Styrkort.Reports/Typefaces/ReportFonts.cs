using ScottPlot;
using SkiaSharp;

namespace Styrkort.Reports.Typefaces;

/// <summary>
/// The DejaVu fonts shipped in the assembly. Reports never ask the machine for a font, so a fresh machine renders
/// the same glyphs (å, ä, ö, −, ≥) as a developer's, and the PDF embeds exactly these files.
/// </summary>
internal static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    public static SKTypeface Regular { get; } = Load("DejaVuSans.ttf");
    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold.ttf");
    public static SKTypeface Mono { get; } = Load("DejaVuSansMono.ttf");

    private static readonly Lazy<bool> Registered = new(() =>
    {
        // ScottPlot resolves fonts by name through a global list; ours answers only for our family.
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
        return true;
    });

    /// <summary>Makes <see cref="Family"/> known to ScottPlot; safe to call from any thread, any number of times.</summary>
    public static void RegisterWithScottPlot() => _ = Registered.Value;

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream("fonts/" + name)
            ?? throw new InvalidOperationException($"font resource '{name}' is missing from the assembly");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"font resource '{name}' could not be read");
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? bold ? Bold : Regular : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
