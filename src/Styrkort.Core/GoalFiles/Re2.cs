using DuckDB.NET.Data;
using static Styrkort.Core.Warehouse.DbExtensions;

namespace Styrkort.Core.GoalFiles;

/// <summary>Asks DuckDB itself whether it accepts a regular expression, so that a goal file fails when it is read, not at import.</summary>
internal static class Re2
{
    private static readonly Lock Gate = new();
    private static DuckDBConnection? _db;

    /// <summary>DuckDB's complaint about the pattern, or null when it compiles.</summary>
    public static string? Problem(string pattern)
    {
        lock (Gate)
        {
            if (_db is null)
            {
                _db = new DuckDBConnection("DataSource=:memory:");
                _db.Open();
            }
            try
            {
                _db.Scalar($"SELECT regexp_full_match('', {Text(pattern)})");
                return null;
            }
            catch (DuckDBException e)
            {
                return e.Message.Split('\n')[0];
            }
        }
    }
}
