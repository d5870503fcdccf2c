using System.Globalization;

namespace Styrkort.Bench;

/// <summary>What to measure and on which data; see bench/README.md.</summary>
/// <param name="Companies">One or more sizes of the generated sample; several make a scaling table.</param>
/// <param name="Data">Existing CSV files to use instead of a generated sample (one size only).</param>
/// <param name="Keep">A folder outside the repository where each size's sample and warehouse are kept between runs.</param>
/// <param name="Measures">import, evaluate (the classic ratios), check, warm, cold (against the hand-written SQL), periods (eight quarters one by one against one plan).</param>
/// <param name="Cold">Set in a child process: which side to run once (engine or reference) on <paramref name="Warehouse"/>;
/// open only reads the goal file and opens the warehouse; import imports <paramref name="Data"/> into it.</param>
/// <param name="Engine">duckdb (the classic and issue-8 measures) or postgresql (import and evaluate on PostgreSQL
/// against DuckDB in the same run; see bench/README.md, "PostgreSQL").</param>
/// <param name="Postgres">An existing PostgreSQL database (a postgresql:// URL) to import into, instead of a throw-away server.</param>
internal sealed record BenchOptions(
    IReadOnlyList<int> Companies, string? Data, string? Keep, string Goals, string Period, int Runs,
    IReadOnlySet<string> Measures, string Reference, string? Cold, string? Warehouse, string Engine = "duckdb", string? Postgres = null)
{
    /// <summary>What a run measured, for its heading: the generated size, or the folder given with --data.</summary>
    public string Size(int companies) =>
        Data is null ? string.Create(CultureInfo.InvariantCulture, $"{companies:N0} companies") : $"the data in {Data}";

    public static readonly string[] AllMeasures = ["import", "evaluate", "check", "warm", "cold", "periods"];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions([200_000], null, null, "samples/almi/goals.yaml", "2026-Q2", 3,
            new HashSet<string>(["import", "evaluate"], StringComparer.Ordinal),
            Path.Combine(AppContext.BaseDirectory, "reference", "almi-quarter.sql"), null, null);
        if (args.Length % 2 != 0) throw new ArgumentException($"option {args[^1]} needs a value");
        for (var i = 0; i + 1 < args.Length; i += 2)
            options = args[i] switch
            {
                "--companies" => options with { Companies = args[i + 1].Split(',').Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture)).ToList() },
                "--data" => options with { Data = args[i + 1] },
                "--keep" => options with { Keep = args[i + 1] },
                "--goals" => options with { Goals = args[i + 1] },
                "--period" => options with { Period = args[i + 1] },
                "--runs" => options with { Runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--measure" => options with { Measures = ParseMeasures(args[i + 1]) },
                "--reference" => options with { Reference = args[i + 1] },
                "--cold" => options with
                {
                    Cold = args[i + 1] is "engine" or "reference" or "open" or "import" ? args[i + 1] : throw new ArgumentException("--cold takes engine, reference, open or import"),
                },
                "--warehouse" => options with { Warehouse = args[i + 1] },
                "--engine" => options with { Engine = args[i + 1] is "duckdb" or "postgresql" ? args[i + 1] : throw new ArgumentException("--engine takes duckdb or postgresql") },
                "--postgres" => options with { Engine = "postgresql", Postgres = args[i + 1] },
                var other => throw new ArgumentException(
                    $"unknown option {other}; expected --companies N[,N…], --data, --keep, --goals, --period, --runs, --measure, --reference, --engine, --postgres"),
            };
        if (options.Data is not null && options.Cold is null && (options.Keep is not null || options.Companies.Count > 1))
            throw new ArgumentException("--data names one data set: not with --keep or several --companies");
        if (options.Cold is not null && options.Warehouse is null) throw new ArgumentException("--cold needs --warehouse");
        if (options.Cold == "import" && options.Data is null) throw new ArgumentException("--cold import needs --data");
        if (options.Runs < 1) throw new ArgumentException("--runs must be at least 1");
        if (options.Postgres is not null && options.Companies.Count > 1)
            throw new ArgumentException("--postgres names one database: one size at a time (--engine postgresql starts a server with a database per size)");
        return options;
    }

    // "reference" stands for the three measures of issue 8.
    private static HashSet<string> ParseMeasures(string text)
    {
        var measures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (m == "reference") measures.UnionWith(["check", "warm", "cold"]);
            else if (m == "all") measures.UnionWith(AllMeasures);
            else if (AllMeasures.Contains(m)) measures.Add(m);
            else throw new ArgumentException($"unknown measure {m}; expected {string.Join(", ", AllMeasures)}, reference or all");
        }
        return measures;
    }
}
