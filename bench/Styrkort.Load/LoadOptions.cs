using System.Globalization;
using System.Net;

namespace Styrkort.Load;

/// <summary>The knobs of a run; every loop they drive is bounded by them.</summary>
internal sealed record LoadOptions(
    Uri? Url,
    int Companies,
    int Users,
    TimeSpan Duration,
    TimeSpan Quiet,
    TimeSpan Think,
    int MaxRequests,
    int MaxImports,
    string ImportFile,
    string? ImportPath,
    string Controller,
    string ControllerPassword,
    TimeSpan StartTimeout)
{
    public static readonly LoadOptions Default = new(
        Url: null, Companies: 200_000, Users: 50, Duration: TimeSpan.FromSeconds(60), Quiet: TimeSpan.FromSeconds(15),
        Think: TimeSpan.FromMilliseconds(1000), MaxRequests: 200_000, MaxImports: 20, ImportFile: "loans.csv", ImportPath: null,
        Controller: "controller", ControllerPassword: "demo-controller-2026", StartTimeout: TimeSpan.FromMinutes(20));

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Styrkort.Load -- [options]
          --companies N      companies in the demo sample the server is started with (200000)
          --url URL          use a running serve --demo on a loopback address instead of starting one
          --users N          virtual users, each signed in with its own cookie (50)
          --duration S       seconds of load in all (60); the first --quiet seconds run without an import
          --quiet S          seconds measured before the first import is posted (15)
          --think MS         mean pause of a user between two pages, spread ±50 % (1000)
          --max-requests N   stop after this many page requests in all (200000)
          --max-imports N    post at most this many imports (20)
          --import FILE      the dataset file to import, by name in the demo sample (loans.csv)
          --import-path P    the file to upload (default: the server's own sample/FILE; needed with --url)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = Default;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is "-h" or "--help") throw new ArgumentException(Usage);
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            var v = args[i + 1];
            o = args[i] switch
            {
                "--url" => o with { Url = Loopback(v) },
                "--companies" => o with { Companies = Positive(args[i], v) },
                "--users" => o with { Users = Positive(args[i], v) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Positive(args[i], v)) },
                "--quiet" => o with { Quiet = TimeSpan.FromSeconds(Positive(args[i], v)) },
                "--think" => o with { Think = TimeSpan.FromMilliseconds(int.Parse(v, CultureInfo.InvariantCulture)) },
                "--max-requests" => o with { MaxRequests = Positive(args[i], v) },
                "--max-imports" => o with { MaxImports = Positive(args[i], v) },
                "--import" => o with { ImportFile = v },
                "--import-path" => o with { ImportPath = v },
                var other => throw new ArgumentException($"unknown option {other}\n{Usage}"),
            };
        }
        if (o.Quiet >= o.Duration) throw new ArgumentException("--quiet must be shorter than --duration");
        if (o.Url is not null && o.ImportPath is null) throw new ArgumentException("--url needs --import-path: the file to upload");
        return o;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number");

    /// <summary>The load goes to this machine only: a load test pointed elsewhere by a typo is an attack.</summary>
    private static Uri Loopback(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"--url {value} is not an http address");
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"--url {value} is not a loopback address (127.0.0.1, ::1, localhost); the load stays on this machine");
        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }
}
