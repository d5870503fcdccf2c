namespace Styrkort.Samples.Almi.Internal;

/// <summary>
/// One pass over the company stock writing <c>companies.csv</c> and <c>financials.csv</c> side by side;
/// each company is generated from its index and forgotten, so memory does not grow with the count.
/// </summary>
internal static class CompanyWriter
{
    private const int ProgressEvery = 10_000;

    public static void Write(SampleContext ctx, string directory, RunState run, CancellationToken ct)
    {
        using var companies = new CsvWriter(directory, Files.Companies,
            "org_nr", "name", "region", "leader_gender", "foreign_background");
        using var financials = new CsvWriter(directory, Files.Financials,
            "org_nr", "fiscal_year", "net_revenue", "ebitda", "employees", "total_assets");
        Span<char> orgNr = stackalloc char[11];
        for (int i = 0; i < ctx.Companies; i++)
        {
            if (i > 0 && i % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                run.Advance(Files.Companies, ProgressEvery);
            }
            var company = CompanyProfile.For(ctx, i);
            OrgNr.Format(ctx, i, orgNr);
            companies.Chars(orgNr)
                .Text(CompanyNames.For(ctx, i, company.County))
                .Chars(Catalogue.Counties[company.County].Code)
                .Text(company.Gender)
                .Bool(company.ForeignBackground)
                .EndRow();
            WriteFinancials(ctx, company, orgNr, financials);
        }
        run.Advance(Files.Companies, ctx.Companies - (ctx.Companies - 1) / ProgressEvery * ProgressEvery);
        run.Rows(companies);
        run.Rows(financials);
    }

    private static void WriteFinancials(SampleContext ctx, CompanyProfile company, ReadOnlySpan<char> orgNr, CsvWriter csv)
    {
        int first = company.FirstRowYear(ctx), last = company.LastRowYear(ctx);
        if (first > last)
            return;
        var rng = new Rng(ctx.Seed, RngStream.Financials, company.Index);
        int employees0 = InitialEmployees(rng, company.SizeClass);
        bool trader = company.SizeClass >= 4 && rng.Chance(0.08);
        double revenuePerEmployee = rng.LogNormal(1_400_000, 0.5) * (trader ? 4.5 : 1);
        double revenue0 = employees0 > 0
            ? employees0 * revenuePerEmployee
            : rng.Chance(0.12) ? 0 : rng.LogNormal(300_000, 1.1);
        double assets = revenue0 * (trader ? rng.LogNormal(0.9, 0.3) : rng.LogNormal(0.6, 0.6))
            + (employees0 == 0 ? rng.LogNormal(100_000, 1.0) : 0);
        double margin = rng.Normal(0.07, 0.08);
        double trend = rng.Normal(0.04, 0.06);
        double revenue = revenue0;
        for (int year = first; year <= last; year++)
        {
            if (year > first)
            {
                // Young companies grow fast in their first years, which feeds comparison group B.
                double growth = trend + rng.Normal(0, 0.10) + (year - company.StartYear <= 3 ? 0.25 : 0);
                revenue *= Math.Max(0.15, 1 + growth);
                assets *= Math.Max(0.3, 1 + 0.5 * growth + rng.Normal(0, 0.05));
            }
            double yearMargin = margin + rng.Normal(0, 0.05);
            double blank = rng.NextDouble();
            int blankColumn = rng.NextInt(3);
            if (year == company.GapYear)
                continue;

            long netRevenue = (long)Math.Round(revenue);
            long ebitda = revenue > 0 ? (long)Math.Round(revenue * yearMargin) : -(long)Math.Round(rng.LogNormal(30_000, 0.8));
            long employees = Employees(employees0, revenue0, revenue, rng);
            csv.Chars(orgNr).Int(year);
            csv.Int(blank < 0.01 && blankColumn == 0 ? null : netRevenue);
            csv.Int(blank < 0.01 && blankColumn == 1 ? null : ebitda);
            csv.Int(blank < 0.01 && blankColumn == 2 ? null : employees);
            csv.Int(blank is >= 0.01 and < 0.013 ? null : (long)Math.Round(assets));
            csv.EndRow();
        }
    }

    private static int InitialEmployees(Rng rng, int sizeClass) => sizeClass switch
    {
        0 => 0,
        1 => rng.Between(1, 4),
        2 => rng.Between(5, 9),
        3 => (int)Math.Exp(rng.Uniform(Math.Log(10), Math.Log(50))),
        4 => (int)Math.Exp(rng.Uniform(Math.Log(50), Math.Log(250))),
        // Pareto tail: most large companies have a few hundred employees, a handful tens of thousands.
        _ => (int)Math.Min(40_000, 250 * Math.Pow(1 - rng.NextDouble(), -1 / 1.3)),
    };

    private static long Employees(int employees0, double revenue0, double revenue, Rng rng)
    {
        if (employees0 == 0)
            return revenue > 3_000_000 && rng.Chance(0.5) ? 1 : 0;
        double scaled = employees0 * Math.Pow(Math.Max(revenue, 1) / Math.Max(revenue0, 1), 0.6);
        return Math.Max(0, (long)Math.Round(scaled * (1 + rng.Normal(0, 0.04))));
    }
}
