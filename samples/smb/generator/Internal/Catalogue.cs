namespace Styrkort.Samples.Smb.Internal;

/// <summary>The small fixed files: the unit tree, the regions, product lines and channels, and the market per region.</summary>
internal static class Catalogue
{
    public static void Write(int seed, string dir, RunState run)
    {
        using (var csv = new CsvWriter(dir, SmbFiles.Units, "unit_id", "name", "parent_id", "kind"))
        {
            foreach (var u in Company.Units) csv.Text(u.Id).Text(u.Name).Text(u.Parent).Text(u.Kind).EndRow();
            run.Done(csv);
        }
        using (var csv = new CsvWriter(dir, SmbFiles.Regions, "region_id", "name"))
        {
            foreach (var r in Company.Regions) csv.Text(r.Id).Text(r.Name).EndRow();
            run.Done(csv);
        }
        using (var csv = new CsvWriter(dir, SmbFiles.ProductLines, "product_line", "name"))
        {
            foreach (var p in Company.ProductLines) csv.Text(p.Id).Text(p.Name).EndRow();
            run.Done(csv);
        }
        using (var csv = new CsvWriter(dir, SmbFiles.Channels, "channel", "name"))
        {
            csv.Text("web").Text("Webb och inkommande").EndRow();
            csv.Text("partner").Text("Partner").EndRow();
            csv.Text("outbound").Text("Uppsökande försäljning").EndRow();
            run.Done(csv);
        }
        // The market grows about 6 % a year; its regional split differs from the company's, so shares differ by region.
        // The rows belong to the company (the root unit): a breakdown restricts only datasets with a unit column.
        var rng = new Rng(seed, RngStream.Market);
        using (var csv = new CsvWriter(dir, SmbFiles.MarketSize, "region_id", "product_line", "year", "market_sales", "source", "unit_id"))
        {
            for (var year = Company.FirstDay.Year; year <= Company.BudgetEnd.Year; year++)
                foreach (var r in Company.Regions)
                    foreach (var p in Company.ProductLines)
                    {
                        var amount = p.MarketMsek * 1_000_000 * r.MarketWeight * Math.Pow(1.06, year - 2024) * rng.Uniform(0.95, 1.05);
                        csv.Text(r.Id).Text(p.Id).Int(year).Money(Math.Round((decimal)amount / 100_000) * 100_000)
                            .Text(year < Company.LastDay.Year ? "Branschrapport" : "Prognos").Text(Company.Root).EndRow();
                    }
            run.Done(csv);
        }
    }
}
