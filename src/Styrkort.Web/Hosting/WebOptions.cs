namespace Styrkort.Web.Hosting;

/// <summary>Where the application keeps its things, and what it serves.</summary>
/// <param name="DataDirectory">The folder of the embedded stores (warehouse.duckdb, app.db).</param>
/// <param name="GoalFile">The goal file served.</param>
/// <param name="AppDatabase">A PostgreSQL connection string for the app store; null keeps SQLite in the data folder.</param>
/// <param name="Warehouse">Where the imported facts live: a DuckDB file or a postgresql:// URL; null takes the
/// configuration's Styrkort:Warehouse, else warehouse.duckdb in the data folder.</param>
public sealed record WebOptions(string DataDirectory, string GoalFile, string? AppDatabase = null, string? Warehouse = null);
