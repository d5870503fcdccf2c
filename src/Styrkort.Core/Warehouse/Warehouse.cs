using Styrkort.Core.Warehouse.DuckDb;
using Styrkort.Core.Warehouse.Postgres;

namespace Styrkort.Core.Warehouse;

/// <summary>Opens a warehouse by where it is: a DuckDB file (the embedded default), a PostgreSQL URL, or nothing (in memory).</summary>
public static class Warehouse
{
    /// <summary>
    /// Opens (or creates) the warehouse at <paramref name="location"/>: <c>postgresql://user:password@host:port/database</c>
    /// (or <c>postgres://</c>, as <c>psql</c> takes it) opens PostgreSQL; anything else is a DuckDB file; null is an
    /// in-memory DuckDB warehouse.
    /// </summary>
    public static IWarehouse Open(string? location)
    {
        if (location is not null && PostgresAddress.IsUrl(location))
            return PostgresWarehouse.Open(PostgresAddress.Parse(location));
        return DuckDbWarehouse.Open(location);
    }

    /// <summary>The location as it may be shown or logged: a PostgreSQL URL without its password.</summary>
    public static string Describe(string location) =>
        PostgresAddress.IsUrl(location) ? PostgresAddress.Parse(location).Display : location;
}
