using Styrkort.Core.Evaluation;

namespace Styrkort.Core.Presentation;

/// <summary>A value and the levels it is judged against (its target's level or bounds, its comparison value).</summary>
public sealed record FigureRow(double? Value, IReadOnlyList<double> Levels)
{
    public static FigureRow Of(Outcome o) => new(o.Value?.AsDouble, o.Thresholds.ToList());

    public static implicit operator FigureRow(double value) => new(value, []);
}

/// <summary>
/// Figures shown side by side, formatted alike (rules 2 and 3 of <see cref="Figures"/>): one scale and one number of
/// decimals for every value, level and comparison in it, enough that no value reads equal to a level it differs from.
/// </summary>
public sealed class FigureColumn
{
    private FigureColumn(Measure measure, bool millions, int decimals, Language language) =>
        (Measure, Millions, Decimals, Language) = (measure, millions, decimals, language);

    public Measure Measure { get; }

    /// <summary>Whether kronor are written in millions: when the largest figure of the column reaches ten million.</summary>
    public bool Millions { get; }

    public int Decimals { get; }

    public Language Language { get; }

    /// <summary>A column of outcomes of one goal: per unit on a goal page, across units in an overview row, per period in a history.</summary>
    public static FigureColumn Of(string? unit, Language language, IEnumerable<Outcome?> outcomes) =>
        Of(unit, language, outcomes.OfType<Outcome>().Select(FigureRow.Of));

    public static FigureColumn Of(string? unit, Language language, IEnumerable<FigureRow> rows)
    {
        var list = rows.ToList();
        var measure = Measures.Of(unit);
        var largest = list.SelectMany(r => r.Levels.Append(r.Value ?? 0)).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var millions = measure == Measure.Kronor && largest >= Figures.MillionsFrom;
        var decimals = Figures.Decimals(measure, millions);
        var extra = list.Select(r => Extra(r, measure, millions, decimals, language)).DefaultIfEmpty(0).Max();
        return new FigureColumn(measure, millions, decimals + extra, language);
    }

    /// <summary>The fewest decimals added (up to <see cref="Figures.MostExtraDecimals"/>) that tell the value from each level.</summary>
    private static int Extra(FigureRow row, Measure measure, bool millions, int decimals, Language language)
    {
        if (row.Value is not { } value) return 0;
        var others = row.Levels.Where(l => l != value).ToList();
        for (var extra = 0; extra < Figures.MostExtraDecimals; extra++)
        {
            var text = Figures.Format(value, measure, millions, decimals + extra, language);
            if (others.All(l => Figures.Format(l, measure, millions, decimals + extra, language) != text)) return extra;
        }
        return Figures.MostExtraDecimals;
    }

    public string Value(double? value) => value is { } v ? Figures.Format(v, Measure, Millions, Decimals, Language) : Figures.Dash;

    public string Value(decimal? value) => Value(value is { } v ? (double)v : null);

    public string Value(Quantity? value) => Value(value?.AsDouble);

    /// <summary>An outcome's target as it applied, its levels in this column's decimals: ≥ 80,0 %, 2,0 %–4,0 %, &gt; jämförelse.</summary>
    public string Target(AppliedTarget target) => TargetText.Applied(target, this);
}
