namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// Each subsidiary's loan book and cost base, month by month. The balance follows the disbursements
/// (with steady repayment), and the yields are chosen so that the rolling 36-month return
/// (interest + fees − credit losses over mean capital) lands mostly between 1.5 and 5 % a year.
/// </summary>
internal sealed class FinanceBook
{
    private const double MonthlyRepayment = 0.022;

    // Measured mean of the generated loan amounts; only sets the opening balance near its steady state.
    private const double MeanLoanAmount = 850_000;

    private const string GapUnit = "gotland";

    private static readonly double[] CostSeason = [1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 0.75, 0.95, 1.0, 1.0, 1.0, 1.2];

    private readonly SampleContext _ctx;
    private readonly Rng _ledgerRng, _costRng;
    private readonly double[] _balance, _interestRate, _feeRate, _lossRate, _costPerEngagement, _monthlyEngagements;
    private readonly decimal[] _disbursed;
    private readonly int _gapUnit, _gapYear;

    public FinanceBook(SampleContext ctx)
    {
        _ctx = ctx;
        _ledgerRng = new Rng(ctx.Seed, RngStream.Ledger);
        _costRng = new Rng(ctx.Seed, RngStream.Costs);
        int units = Catalogue.Subsidiaries.Length;
        _balance = new double[units];
        _interestRate = new double[units];
        _feeRate = new double[units];
        _lossRate = new double[units];
        _costPerEngagement = new double[units];
        _monthlyEngagements = new double[units];
        _disbursed = new decimal[units];
        for (int u = 0; u < units; u++)
        {
            double share = Catalogue.EngagementShare[u] * ctx.VolumeScale;
            _balance[u] = ActivityWriter.LoansPerYear * share * MeanLoanAmount / 12 / MonthlyRepayment;
            _interestRate[u] = _ledgerRng.Uniform(0.050, 0.062);
            _feeRate[u] = _ledgerRng.Uniform(0.003, 0.006);
            _lossRate[u] = _ledgerRng.Uniform(0.019, 0.032);
            _costPerEngagement[u] = _costRng.Uniform(26_000, 48_000);
            _monthlyEngagements[u] = (ActivityWriter.LoansPerYear + 0.97 * ActivityWriter.EffortsPerYear) * share / 12;
        }
        _gapUnit = Catalogue.IndexOf(GapUnit);
        _gapYear = ctx.FirstYear + 2;
    }

    public void Disbursed(int unit, decimal amount) => _disbursed[unit] += amount;

    public void CloseMonth(int year, int month, CsvWriter ledger, CsvWriter costs)
    {
        for (int u = 0; u < _balance.Length; u++)
        {
            string unitId = Catalogue.Subsidiaries[u].Id;
            double balance = _balance[u] * (1 - MonthlyRepayment) + (double)_disbursed[u];
            _balance[u] = balance;
            _disbursed[u] = 0;
            double interest = balance * _interestRate[u] / 12 * (1 + _ledgerRng.Normal(0, 0.03));
            double fees = balance * _feeRate[u] / 12 * Math.Max(0, 1 + _ledgerRng.Normal(0, 0.15));
            double losses = CreditLosses(balance, _lossRate[u]);
            // Two summer months missing for one small subsidiary, so the engine meets a ledger gap.
            bool gap = u == _gapUnit && year == _gapYear && month is 7 or 8;
            if (!gap)
            {
                ledger.Text(unitId).Month(year, month).Money(Cents(interest)).Money(Cents(fees))
                    .Money(Cents(losses)).Money(Cents(balance)).EndRow();
            }

            decimal cost = Math.Round((decimal)(_costPerEngagement[u] * _monthlyEngagements[u] * CostSeason[month - 1]
                * (1 + _costRng.Normal(0, 0.05))));
            costs.Text(unitId).Month(year, month).Int((long)cost).EndRow();
            _ctx.Stats.OperatingCost[_ctx.Stats.At(u, year)] += cost;
        }
    }

    /// <summary>Most months small write-downs, a third of months none, now and then one large loss.</summary>
    private double CreditLosses(double balance, double annualRate)
    {
        const double LargeChance = 0.03, NoneChance = 0.32, LargeMean = 0.02;
        double r = _ledgerRng.NextDouble();
        if (r < LargeChance)
            return balance * _ledgerRng.Uniform(0.01, 0.03);
        if (r < LargeChance + NoneChance)
            return 0;
        double expected = balance * annualRate / 12;
        double ordinaryMean = (expected - LargeChance * LargeMean * balance) / (1 - LargeChance - NoneChance);
        const double Sigma = 0.8;
        return Math.Max(0, ordinaryMean) * _ledgerRng.LogNormal(Math.Exp(-Sigma * Sigma / 2), Sigma);
    }

    private static decimal Cents(double value) => Math.Round((decimal)value, 2);
}
