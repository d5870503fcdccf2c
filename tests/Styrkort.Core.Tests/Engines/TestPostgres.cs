namespace Styrkort.Core.Tests.Engines;

/// <summary>Where the PostgreSQL engine's databases come from: the test process's one throw-away server.</summary>
internal static class TestPostgres
{
    public static string NewDatabaseUrl() =>
        throw new InvalidOperationException("the shared PostgreSQL test server (tests/Styrkort.Testing) is not merged yet");
}
