namespace Styrkort.Core.Insights;

/// <summary>
/// Additive Holt-Winters exponential smoothing with a damped trend and a 12-month season (Hyndman &amp; Athanasopoulos,
/// <i>Forecasting: Principles and Practice</i>, 3rd ed., §8.3; ETS(A,Ad,A)). The smoothing parameters are those of a grid
/// that give the least squared one-step error over the history after its first season. Future paths are simulated by
/// feeding the model's own one-step errors, drawn with replacement (an empirical residual bootstrap, fpp3 §5.5), through
/// its recursions, so an interval reflects the errors this series has actually made — not an assumed normal one.
/// </summary>
public sealed class HoltWinters
{
    public const int Season = 12;

    /// <summary>The fewest months a model is fitted to: two seasons, so that a month's seasonal effect is seen twice.</summary>
    public const int MinimumHistory = 2 * Season;

    /// <summary>What the fit estimates: α, β, γ, φ and the start (a level, a trend, twelve seasonal effects).</summary>
    private const int Parameters = 4 + 2 + Season;

    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] Betas = [0, 0.05, 0.15];
    private static readonly double[] Gammas = [0.05, 0.15, 0.3, 0.5];
    private static readonly double[] Phis = [0.8, 0.9, 0.98];

    private readonly double _alpha, _beta, _gamma, _phi;
    private readonly double _level, _trend;
    private readonly double[] _season; // _season[i] is the seasonal effect of the month i steps after the last observed one, modulo 12
    private readonly double[] _errors;

    private readonly IReadOnlyList<double> _series;

    private HoltWinters(IReadOnlyList<double> series, double alpha, double beta, double gamma, double phi, double level, double trend, double[] season, double[] errors) =>
        (_series, _alpha, _beta, _gamma, _phi, _level, _trend, _season, _errors) = (series, alpha, beta, gamma, phi, level, trend, season, errors);

    /// <summary>The one-step errors of the fitted model after its first season, in order.</summary>
    public IReadOnlyList<double> Errors => _errors;

    public static HoltWinters Fit(IReadOnlyList<double> series)
    {
        if (series.Count < MinimumHistory) throw new ArgumentException($"at least {MinimumHistory} months are needed, not {series.Count}", nameof(series));
        (double Sse, HoltWinters? Model) best = (double.PositiveInfinity, null);
        foreach (var a in Alphas)
            foreach (var b in Betas)
                foreach (var g in Gammas)
                    foreach (var p in Phis)
                    {
                        var model = Run(series, a, b, g, p);
                        var sse = model._errors.Sum(e => e * e);
                        if (sse < best.Sse) best = (sse, model);
                    }
        return best.Model!;
    }

    /// <summary>The point forecasts of the next <paramref name="horizon"/> months.</summary>
    public double[] Forecast(int horizon)
    {
        var result = new double[horizon];
        double damp = 0;
        for (var h = 1; h <= horizon; h++)
        {
            damp += Math.Pow(_phi, h);
            result[h - 1] = _level + damp * _trend + _season[(h - 1) % Season];
        }
        return result;
    }

    /// <summary>
    /// <paramref name="paths"/> simulated futures of <paramref name="horizon"/> months, each step the model's forecast
    /// plus one of its past errors drawn at random; the same <paramref name="random"/> seed gives the same paths.
    /// </summary>
    public double[][] Simulate(int horizon, int paths, Random random) => Simulate(horizon, paths, random, null);

    /// <summary>As <see cref="Simulate(int, int, Random)"/>, drawing the errors at the given indices (shared between two series keeps their errors paired).</summary>
    public double[][] Simulate(int horizon, int paths, Random random, int[][]? draws)
    {
        var result = new double[paths][];
        for (var p = 0; p < paths; p++)
        {
            var (level, trend) = (_level, _trend);
            var season = (double[])_season.Clone();
            var path = result[p] = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                var s = season[h % Season];
                var mean = level + _phi * trend + s;
                var error = _errors.Length == 0 ? 0 : _errors[draws?[p][h] ?? random.Next(_errors.Length)];
                var y = mean + error;
                var newLevel = _alpha * (y - s) + (1 - _alpha) * (level + _phi * trend);
                trend = _beta * (newLevel - level) + (1 - _beta) * _phi * trend;
                level = newLevel;
                season[h % Season] = _gamma * (y - level) + (1 - _gamma) * s;
                path[h] = y;
            }
        }
        return result;
    }

    /// <summary>Random error indices for <see cref="Simulate(int, int, Random, int[][])"/>.</summary>
    public int[][] Draws(int horizon, int paths, Random random) =>
        Enumerable.Range(0, paths).Select(_ => Enumerable.Range(0, horizon).Select(_ => random.Next(Math.Max(_errors.Length, 1))).ToArray()).ToArray();

    public int ErrorCount => _errors.Length;

    private static HoltWinters Run(IReadOnlyList<double> x, double alpha, double beta, double gamma, double phi)
    {
        var (level, trend, season) = Start(x);
        var errors = new List<double>(x.Count);
        for (var t = 0; t < x.Count; t++)
        {
            var s = season[t % Season];
            var forecast = level + phi * trend + s;
            var error = x[t] - forecast;
            if (t >= Season) errors.Add(error);
            var newLevel = alpha * (x[t] - s) + (1 - alpha) * (level + phi * trend);
            trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
            level = newLevel;
            season[t % Season] = gamma * (x[t] - level) + (1 - gamma) * s;
        }
        // The errors are those of a model fitted to the same months: scaled up as a residual variance is, by
        // √(errors / (months − parameters)) — 4 smoothing parameters and the 14 start values (level, trend, season).
        var scale = Math.Sqrt(errors.Count / Math.Max(1.0, x.Count - Parameters));
        for (var i = 0; i < errors.Count; i++) errors[i] *= scale;
        // Re-index the season so that [0] is the month after the last observed one.
        var next = new double[Season];
        for (var h = 0; h < Season; h++) next[h] = season[(x.Count + h) % Season];
        return new HoltWinters(x, alpha, beta, gamma, phi, level, trend, next, errors.ToArray());
    }

    /// <summary>
    /// Forecasts <paramref name="horizon"/> months ahead from every month of the history after its first two seasons that
    /// has <paramref name="horizon"/> months after it, each by a model fitted afresh to the months before it only, beside
    /// what followed: (forecast path, actual path). This is time-series cross-validation (fpp3 §5.10): the errors are
    /// those of a forecast as far ahead as the one asked, made without seeing its future — the fitted model's own
    /// errors, its parameters chosen on all months, understate them (the backtest covered 79 % instead of 84 % with them).
    /// </summary>
    public IReadOnlyList<(double[] Forecast, double[] Actual)> Backcasts(int horizon)
    {
        var result = new List<(double[], double[])>();
        for (var t = MinimumHistory; horizon >= 1 && t + horizon <= _series.Count; t++)
            result.Add((Fit(_series.Take(t).ToList()).Forecast(horizon), _series.Skip(t).Take(horizon).ToArray()));
        return result;
    }

    /// <summary>
    /// The classical start: the season and trend from the first two years (each month's mean deviation from its year's
    /// mean, detrended), the level just before the first month.
    /// </summary>
    private static (double Level, double Trend, double[] Season) Start(IReadOnlyList<double> x)
    {
        double first = 0, second = 0;
        for (var i = 0; i < Season; i++) (first, second) = (first + x[i], second + x[i + Season]);
        first /= Season;
        second /= Season;
        var trend = (second - first) / Season;
        var season = new double[Season];
        for (var i = 0; i < Season; i++) season[i] = (x[i] - (first + (i - 5.5) * trend) + x[i + Season] - (second + (i - 5.5) * trend)) / 2;
        return (first - 6.5 * trend, trend, season);
    }

}
