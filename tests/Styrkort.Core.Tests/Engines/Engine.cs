using Styrkort.Core.Warehouse;
using Styrkort.Testing;

namespace Styrkort.Core.Tests.Engines;

/// <summary>
/// The warehouse engine an evaluation test runs on (issue 9: every evaluation test on both engines, same answers).
/// An evaluation test class is abstract over it, with one concrete class per engine — <c>…OnDuckDb</c> and
/// <c>…OnPostgres</c> — so the assertions are written once and a filter picks an engine by class name.
/// </summary>
public abstract class Engine
{
    /// <summary>A warehouse to import into and evaluate; the caller disposes it. An import replaces the datasets it reads.</summary>
    public abstract IWarehouse Open();
}

/// <summary>A fresh in-memory DuckDB warehouse each time.</summary>
public sealed class DuckDbEngine : Engine
{
    public static readonly DuckDbEngine Instance = new();

    private DuckDbEngine()
    {
    }

    public override IWarehouse Open() => Warehouse.Warehouse.Open(null);
}

/// <summary>
/// One database of the test process's PostgreSQL server per test class (an xUnit class fixture), created on first use,
/// opened by its <c>postgresql://</c> URL as a user would. The tests of a class run one after another and each import
/// replaces every dataset it reads, so a test never sees the one before it.
/// </summary>
public sealed class PostgresEngine : Engine
{
    private readonly Lazy<string> _url = new(() => PostgresServer.Shared.NewDatabaseUrl());

    public string Url => _url.Value;

    public override IWarehouse Open() => Warehouse.Warehouse.Open(Url);
}
