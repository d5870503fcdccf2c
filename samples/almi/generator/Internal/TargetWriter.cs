namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// The board levels of the S goals for every unit, root included, for the last three years. Levels are
/// set around what the unit actually achieves, so some are met and some not; two (goal, unit, year)
/// combinations are left out so that "no target" occurs.
/// </summary>
internal static class TargetWriter
{
    private static readonly string[] Goals = ["disbursed_loans", "completed_efforts", "cost_per_effort", "engagement_index", "nps"];

    public static void Write(SampleContext ctx, string directory, RunState run)
    {
        var rng = new Rng(ctx.Seed, RngStream.Targets);
        var omitted = new HashSet<(string Goal, string Unit, int Year)>
        {
            ("nps", "gotland", ctx.LastYear),
            ("completed_efforts", "blekinge", ctx.LastYear - 1),
        };
        using var csv = new CsvWriter(directory, Files.Targets,
            "goal_id", "unit_id", "year", "level", "decided_by", "decided_on");
        for (int year = Math.Max(ctx.FirstYear, ctx.LastYear - 2); year <= ctx.LastYear; year++)
        {
            for (int u = -1; u < Catalogue.Subsidiaries.Length; u++)
            {
                string unitId = u < 0 ? Catalogue.RootId : Catalogue.Subsidiaries[u].Id;
                string board = "Styrelsen " + (u < 0 ? Catalogue.RootName : Catalogue.Subsidiaries[u].Name);
                var decidedOn = DecisionDate(rng, year);
                var actual = Actual.Of(ctx, u, year);
                foreach (string goal in Goals)
                {
                    long level = Level(rng, goal, actual);
                    if (omitted.Contains((goal, unitId, year)))
                        continue;
                    csv.Text(goal).Text(unitId).Int(year).Int(level).Text(board).Date(decidedOn).EndRow();
                }
            }
        }
        run.Rows(csv);
        run.Advance(Files.Targets, 1);
    }

    private static long Level(Rng rng, string goal, Actual actual)
    {
        double ambition = rng.Uniform(0.9, 1.12);
        return goal switch
        {
            "disbursed_loans" => RoundToSignificant(actual.AnnualLoanAmount * ambition, 3),
            "completed_efforts" => Math.Max(1, RoundToSignificant(actual.AnnualCompletedEfforts * ambition, 2)),
            "cost_per_effort" => (long)Math.Round(actual.CostPerEffort * ambition / 500) * 500,
            "engagement_index" => (long)Math.Round(actual.EngagementIndex + rng.Uniform(-4, 3)),
            "nps" => (long)Math.Round(actual.Nps + rng.Uniform(-8, 6)),
            _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Not an S goal."),
        };
    }

    /// <summary>A board meeting in December before the year, or in January of it.</summary>
    private static DateOnly DecisionDate(Rng rng, int year)
    {
        DateOnly date;
        do
        {
            date = rng.Chance(0.6) ? new DateOnly(year - 1, 12, rng.Between(3, 20)) : new DateOnly(year, 1, rng.Between(10, 31));
        }
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return date;
    }

    private static long RoundToSignificant(double value, int digits)
    {
        if (value <= 0)
            return 0;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(value)) + 1 - digits);
        return (long)(Math.Round(value / scale) * scale);
    }

    /// <summary>What a unit (-1 = the root, pooling all subsidiaries) achieved in a year, annualised where partial.</summary>
    private sealed record Actual(
        double AnnualLoanAmount, double AnnualCompletedEfforts, double CostPerEffort, double EngagementIndex, double Nps)
    {
        public static Actual Of(SampleContext ctx, int unit, int year)
        {
            var s = ctx.Stats;
            decimal amount = 0, cost = 0;
            long loans = 0, completed = 0, promoters = 0, detractors = 0, responses = 0, respondents = 0;
            double engagement = 0;
            for (int u = 0; u < Catalogue.Subsidiaries.Length; u++)
            {
                if (unit >= 0 && u != unit)
                    continue;
                int at = s.At(u, year);
                amount += s.LoanAmount[at];
                cost += s.OperatingCost[at];
                loans += s.Loans[at];
                completed += s.CompletedEfforts[at];
                promoters += s.NpsPromoters[at];
                detractors += s.NpsDetractors[at];
                responses += s.NpsResponses[at];
                engagement += s.EngagementIndexSum[at];
                respondents += s.EngagementRespondents[at];
            }
            double annualise = 12.0 / ctx.MonthsIn(year);
            return new Actual(
                (double)amount * annualise,
                completed * annualise,
                loans + completed > 0 ? (double)cost / (loans + completed) : 40_000,
                respondents > 0 ? engagement / respondents : 82,
                responses > 0 ? 100.0 * (promoters - detractors) / responses : 55);
        }
    }
}
