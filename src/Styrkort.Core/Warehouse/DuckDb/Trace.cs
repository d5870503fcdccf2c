namespace Styrkort.Core.Warehouse.DuckDb;
internal static class Trace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("STYRKORT_TRACE") == "1";
    public static void Log(string what, System.Diagnostics.Stopwatch sw)
    {
        if (On) Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {sw.Elapsed.TotalSeconds,7:F3} {what}");
        sw.Restart();
    }
}
