using System.Globalization;

namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// One employee survey a year per subsidiary, 20–80 respondents with ten items scored 1–5, giving an
/// engagement index of about 70–90. One subsidiary skips one year, so "latest survey" has to look back.
/// </summary>
internal static class EngagementWriter
{
    private const int Items = 10;
    private const string SkippingUnit = "blekinge";

    public static void Write(SampleContext ctx, string directory, RunState run)
    {
        var rng = new Rng(ctx.Seed, RngStream.Engagement);
        int units = Catalogue.Subsidiaries.Length;
        var unitLevel = new double[units];
        for (int u = 0; u < units; u++)
            unitLevel[u] = rng.Uniform(4.0, 4.55);
        var itemEffect = new double[Items];
        for (int i = 0; i < Items; i++)
            itemEffect[i] = rng.Normal(0, 0.12);
        var itemIds = Enumerable.Range(1, Items)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"q{i:D2}"))
            .ToArray();
        int skippingUnit = Catalogue.IndexOf(SkippingUnit);
        int skippedYear = ctx.FirstYear + 1;
        var stats = ctx.Stats;

        using var csv = new CsvWriter(directory, Files.EngagementResponses,
            "respondent_id", "unit_id", "survey_year", "item", "score");
        for (int year = ctx.FirstYear; year <= ctx.LastYear; year++)
        {
            for (int u = 0; u < units; u++)
            {
                double level = unitLevel[u] + rng.Normal(0, 0.08);
                int respondents = Math.Clamp(
                    20 + (int)Math.Round(60 * Catalogue.EngagementShare[u] / Catalogue.MaxEngagementShare + rng.Normal(0, 4)),
                    20, 80);
                if (u == skippingUnit && year == skippedYear)
                    continue;
                int at = stats.At(u, year);
                for (int r = 1; r <= respondents; r++)
                {
                    string respondentId = string.Create(CultureInfo.InvariantCulture, $"r{r:D3}");
                    double personal = rng.Normal(0, 0.35);
                    int sum = 0;
                    for (int i = 0; i < Items; i++)
                    {
                        int score = Math.Clamp((int)Math.Round(level + personal + itemEffect[i] + rng.Normal(0, 0.6)), 1, 5);
                        sum += score;
                        csv.Text(respondentId).Text(Catalogue.Subsidiaries[u].Id).Int(year).Text(itemIds[i]).Int(score).EndRow();
                    }
                    stats.EngagementIndexSum[at] += ((double)sum / Items - 1) * 25;
                    stats.EngagementRespondents[at]++;
                }
            }
        }
        run.Rows(csv);
        run.Advance(Files.EngagementResponses, 1);
    }
}
