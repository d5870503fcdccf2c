namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// NPS answers from recent customers of each subsidiary, 300–1 500 a year depending on its size. Each
/// subsidiary has its own level, so the NPS lands mostly between 40 and 70.
/// </summary>
internal sealed class NpsSurvey
{
    private const double PassiveShare = 0.25;

    // Detractors mostly give 5 or 6.
    private static readonly double[] DetractorScores = [0.04, 0.02, 0.04, 0.06, 0.10, 0.30, 0.44];

    private readonly SampleContext _ctx;
    private readonly Rng _rng;
    private readonly double[] _level, _yearLevel, _perYear;
    private int _year, _sequence;

    public NpsSurvey(SampleContext ctx)
    {
        _ctx = ctx;
        _rng = new Rng(ctx.Seed, RngStream.Nps);
        int units = Catalogue.Subsidiaries.Length;
        _level = new double[units];
        _yearLevel = new double[units];
        _perYear = new double[units];
        for (int u = 0; u < units; u++)
        {
            _level[u] = _rng.Uniform(42, 66);
            _perYear[u] = (300 + 1200 * Catalogue.EngagementShare[u] / Catalogue.MaxEngagementShare) * ctx.VolumeScale;
        }
    }

    public void WriteMonth(int year, int month, CustomerPicker picker, CsvWriter csv)
    {
        if (year != _year)
        {
            _year = year;
            _sequence = 0;
            for (int u = 0; u < _level.Length; u++)
                _yearLevel[u] = Math.Clamp(_level[u] + _rng.Normal(0, 4), 20, 85);
        }
        var stats = _ctx.Stats;
        Span<char> orgNr = stackalloc char[11];
        int days = DateTime.DaysInMonth(year, month);
        for (int u = 0; u < _level.Length; u++)
        {
            int count = _rng.Count(_perYear[u] / 12);
            if (count == 0)
                continue;
            double promoters = (1 - PassiveShare + _yearLevel[u] / 100) / 2;
            int at = stats.At(u, year);
            for (int i = 0; i < count; i++)
            {
                int score = Score(promoters);
                OrgNr.Format(_ctx, picker.RecentCustomerOf(u), orgNr);
                csv.Text(ActivityWriter.Id('N', year, ++_sequence)).Chars(orgNr).Text(Catalogue.Subsidiaries[u].Id)
                    .Date(new DateOnly(year, month, _rng.Between(1, days))).Int(score).EndRow();
                stats.NpsResponses[at]++;
                if (score >= 9)
                    stats.NpsPromoters[at]++;
                else if (score <= 6)
                    stats.NpsDetractors[at]++;
            }
        }
    }

    private int Score(double promoters)
    {
        double r = _rng.NextDouble();
        if (r < promoters)
            return _rng.Chance(0.45) ? 9 : 10;
        if (r < promoters + PassiveShare)
            return _rng.Chance(0.4) ? 7 : 8;
        return _rng.Pick(DetractorScores);
    }
}
