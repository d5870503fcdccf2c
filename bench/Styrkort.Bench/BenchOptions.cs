using System.Globalization;

namespace Styrkort.Bench;

internal sealed record BenchOptions(int Companies, string? Data, string Goals, string Period, int Runs)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(200_000, null, "samples/almi/goals.yaml", "2026-Q2", 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options = args[i] switch
            {
                "--companies" => options with { Companies = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--data" => options with { Data = args[i + 1] },
                "--goals" => options with { Goals = args[i + 1] },
                "--period" => options with { Period = args[i + 1] },
                "--runs" => options with { Runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"unknown option {other}; expected --companies, --data, --goals, --period, --runs"),
            };
        return options;
    }
}
