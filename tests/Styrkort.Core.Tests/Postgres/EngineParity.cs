using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Warehouse;

namespace Styrkort.Core.Tests.Postgres;

/// <summary>Runs one import on DuckDB and on PostgreSQL and asserts both refuse it alike: the same exception type, message and errors.</summary>
internal static class EngineParity
{
    /// <summary>What the import threw (null when it succeeded).</summary>
    public static Exception? Failure(IWarehouse warehouse, GoalFile goals, string folder)
    {
        try
        {
            warehouse.Import(goals, folder, TimeProvider.System);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Imports the folder into a fresh in-memory DuckDB and into <paramref name="postgres"/>; returns PostgreSQL's refusal.</summary>
    public static Exception SameRefusal(IWarehouse postgres, GoalFile goals, string folder)
    {
        Exception? duck;
        using (var reference = Core.Warehouse.Warehouse.Open(null)) duck = Failure(reference, goals, folder);
        var pg = Failure(postgres, goals, folder);
        Assert.True(duck is not null, "DuckDB accepted the input");
        Assert.True(pg is not null, $"PostgreSQL accepted what DuckDB refused: {duck.Message}");
        Assert.Equal(duck.GetType(), pg.GetType());
        Assert.Equal(duck.Message, pg.Message);
        if (duck is InputErrorsException d) Assert.Equal(d.Errors, ((InputErrorsException)pg).Errors);
        if (duck is StyrkortException s) Assert.Equal(s.Location, ((StyrkortException)pg).Location);
        return pg;
    }
}
