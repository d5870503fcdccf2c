using System.Globalization;

namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// Walks the months of activity in order and writes, month by month, the loans, efforts, NPS responses,
/// ledger and operating costs. Volumes are the lender's own business and do not grow with the company
/// stock beyond <see cref="SampleContext.FullVolumeCompanies"/>.
/// </summary>
internal static class ActivityWriter
{
    public const double LoansPerYear = 4_000;
    public const double EffortsPerYear = 11_000;

    // Fewer disbursements in the July holidays, more in spring and autumn; mean 1.
    private static readonly double[] Season = [0.95, 1.0, 1.1, 1.05, 1.05, 1.0, 0.55, 0.85, 1.15, 1.15, 1.1, 1.05];

    private static readonly double[] YoungPhases = [0.80, 0.18, 0.02];
    private static readonly double[] EstablishedPhases = [0.43, 0.375, 0.195];
    private static readonly string[] PhaseCodes = ["start", "expansion", "established"];

    // Loan size grows with the borrower: 0, 1–4, 5–9, 10–49, 50–249, 250+ employees.
    private static readonly double[] AmountFactor = [0.6, 0.9, 1.2, 1.8, 2.5, 3.0];

    public static RelationBook Write(SampleContext ctx, string directory, RunState run, CancellationToken ct)
    {
        using var loans = new CsvWriter(directory, Files.Loans,
            "loan_id", "org_nr", "unit_id", "disbursed_on", "amount", "phase");
        using var efforts = new CsvWriter(directory, Files.Efforts,
            "effort_id", "org_nr", "unit_id", "started_on", "completed_on", "phase");
        using var ledger = new CsvWriter(directory, Files.LoanLedger,
            "unit_id", "month", "interest_income", "fee_income", "credit_losses", "outstanding_balance");
        using var costs = new CsvWriter(directory, Files.OperatingCosts, "unit_id", "month", "amount");
        using var nps = new CsvWriter(directory, Files.NpsResponses,
            "response_id", "org_nr", "unit_id", "answered_on", "score");

        var rng = new Rng(ctx.Seed, RngStream.Activity);
        var picker = new CustomerPicker(ctx, rng);
        var finance = new FinanceBook(ctx);
        var survey = new NpsSurvey(ctx);
        var relations = new RelationBook(new DateOnly(ctx.LastYear - 3, 1, 1));
        var stats = ctx.Stats;
        var dates = new List<DateOnly>();
        Span<char> orgNr = stackalloc char[11];

        for (int year = ctx.FirstYear; year <= ctx.LastYear; year++)
        {
            double yearFactor = rng.Uniform(0.92, 1.08);
            int loanSeq = 0, effortSeq = 0;
            for (int month = 1; month <= ctx.MonthsIn(year); month++)
            {
                ct.ThrowIfCancellationRequested();
                double volume = ctx.VolumeScale * Season[month - 1] * yearFactor / 12;

                DrawWeekdays(rng, year, month, rng.Count(LoansPerYear * volume), dates);
                foreach (var date in dates)
                {
                    var (company, unit) = picker.Pick(year);
                    decimal amount = LoanAmount(rng, company);
                    OrgNr.Format(ctx, company.Index, orgNr);
                    loans.Text(Id('L', year, ++loanSeq)).Chars(orgNr).Text(Catalogue.Subsidiaries[unit].Id)
                        .Date(date).Int((long)amount).Text(Phase(rng, company, year)).EndRow();
                    int at = stats.At(unit, year);
                    stats.Loans[at]++;
                    stats.LoanAmount[at] += amount;
                    finance.Disbursed(unit, amount);
                    relations.Record(company.Index, unit, date);
                    picker.Remember(company.Index, unit);
                }

                DrawWeekdays(rng, year, month, rng.Count(EffortsPerYear * volume), dates);
                foreach (var date in dates)
                {
                    var (company, unit) = picker.Pick(year);
                    DateOnly? completed = Completion(rng, date, ctx.LastDay);
                    OrgNr.Format(ctx, company.Index, orgNr);
                    efforts.Text(Id('E', year, ++effortSeq)).Chars(orgNr).Text(Catalogue.Subsidiaries[unit].Id)
                        .Date(date);
                    if (completed is { } done)
                    {
                        efforts.Date(done);
                        stats.CompletedEfforts[stats.At(unit, done.Year)]++;
                    }
                    else
                    {
                        efforts.Empty();
                    }
                    efforts.Text(Phase(rng, company, year)).EndRow();
                    relations.Record(company.Index, unit, date);
                    picker.Remember(company.Index, unit);
                }

                survey.WriteMonth(year, month, picker, nps);
                finance.CloseMonth(year, month, ledger, costs);
                run.Advance(Files.Loans, 1);
            }
        }
        foreach (var csv in new[] { loans, efforts, ledger, costs, nps })
            run.Rows(csv);
        return relations;
    }

    public static string Id(char prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{year}-{sequence:D6}");

    /// <summary>Fills <paramref name="dates"/> with <paramref name="count"/> sorted working days of the month.</summary>
    private static void DrawWeekdays(Rng rng, int year, int month, int count, List<DateOnly> dates)
    {
        dates.Clear();
        int days = DateTime.DaysInMonth(year, month);
        while (dates.Count < count)
        {
            var date = new DateOnly(year, month, rng.Between(1, days));
            if (IsWorkingDay(date))
                dates.Add(date);
        }
        dates.Sort();
    }

    /// <summary>Not a weekend nor one of Sweden's fixed-date holidays (the moving ones are not worth the code).</summary>
    private static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && (date.Month, date.Day) is not ((1, 1) or (1, 6) or (5, 1) or (6, 6) or (12, 24) or (12, 25) or (12, 26) or (12, 31));

    private static decimal LoanAmount(Rng rng, CompanyProfile company)
    {
        double amount = rng.LogNormal(600_000, 0.9) * AmountFactor[company.SizeClass];
        amount = Math.Clamp(amount, 50_000, 10_000_000);
        return Math.Round((decimal)amount / 5_000m) * 5_000m;
    }

    private static string Phase(Rng rng, CompanyProfile company, int year) =>
        PhaseCodes[rng.Pick(year - company.StartYear <= 1 ? YoungPhases : EstablishedPhases)];

    /// <summary>One to nine months after the start; none (ongoing) when that lies after the last day.</summary>
    private static DateOnly? Completion(Rng rng, DateOnly started, DateOnly lastDay)
    {
        int days = (int)Math.Clamp(rng.LogNormal(110, 0.45), 30, 270);
        var completed = started.AddDays(days);
        completed = completed.DayOfWeek switch
        {
            DayOfWeek.Saturday => completed.AddDays(2),
            DayOfWeek.Sunday => completed.AddDays(1),
            _ => completed,
        };
        return completed <= lastDay ? completed : null;
    }
}
