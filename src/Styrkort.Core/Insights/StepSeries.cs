namespace Styrkort.Core.Insights;

/// <summary>
/// A value that changes only in one or two months of the year — a yearly or half-yearly survey read with
/// <c>latest</c>: the engagement index steps in the survey's month and stays until the next one. A smoothing model
/// reads such steps as trend and season and drifts between them (from March it put Skåne's December 5 points below a
/// value that could no longer change); here the year's end is the value now plus, for each step month still to come
/// in the year, one of the series' own past steps drawn at random.
/// </summary>
public sealed record StepSeries(IReadOnlySet<int> StepMonths, IReadOnlyList<double> Steps)
{
    /// <summary>At most this many months of the year in which the value has changed: a half-yearly survey.</summary>
    public const int MaxStepMonths = 2;

    /// <summary>At least this many steps seen: one step says nothing of its month being the only one.</summary>
    public const int MinSteps = 2;

    /// <summary>The series as steps, or null when it changes in more months of the year than a survey would.</summary>
    public static StepSeries? Of(Series series)
    {
        var months = new HashSet<int>();
        var steps = new List<double>();
        for (var i = 1; i < series.Count; i++)
        {
            var (before, now) = (series.Values[i - 1], series.Values[i]);
            if (Math.Abs(now - before) <= 1e-9 * Math.Max(1, Math.Abs(before))) continue;
            months.Add(series.Months[i].Index);
            steps.Add(now - before);
            if (months.Count > MaxStepMonths) return null;
        }
        return steps.Count >= MinSteps ? new StepSeries(months, steps) : null;
    }

    /// <summary>The step months after <paramref name="origin"/> up to and including December of its year.</summary>
    public int StepsLeft(Periods.Period origin) => Enumerable.Range(origin.Index + 1, 12 - origin.Index).Count(StepMonths.Contains);

    /// <summary>
    /// The year's end from <paramref name="last"/> with <paramref name="stepsLeft"/> steps to come: the mean of the
    /// past steps as many times as the central value, and <paramref name="paths"/> sums of past steps drawn at random.
    /// </summary>
    public (double Central, double[] Ends) Forecast(double last, int stepsLeft, int paths, Random random)
    {
        var central = last + stepsLeft * Steps.Average();
        var ends = new double[paths];
        for (var p = 0; p < paths; p++)
        {
            var end = last;
            for (var s = 0; s < stepsLeft; s++) end += Steps[random.Next(Steps.Count)];
            ends[p] = end;
        }
        return (central, ends);
    }
}
