using Styrkort.Tests.Cli;
using Styrkort.Testing;

namespace Styrkort.Tests.Postgres;

/// <summary>The app store on a PostgreSQL server: migrations apply and accounts land there, not in SQLite.</summary>
public sealed class AppStoreOnPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public void UserAdd_WithAnAppDbConnectionString_CreatesTheAccountInPostgres()
    {
        server.CreateDatabase("styrkort_users");
        var dataDir = Directory.CreateTempSubdirectory("styrkort-pgdata-").FullName;
        try
        {
            var result = StyrkortProcess.RunWithInput("a-long-enough-password\n",
                "user", "add", "--name", "anna", "--role", "controller", "--data-dir", dataDir, "--app-db", server.ConnectionString("styrkort_users"));

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal("anna", server.Query("styrkort_users", "SELECT \"UserName\" FROM \"AspNetUsers\""));
            Assert.Equal("controller", server.Query("styrkort_users",
                "SELECT r.\"Name\" FROM \"AspNetUserRoles\" ur JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\""));
            Assert.StartsWith("AQAAAA", server.Query("styrkort_users", "SELECT \"PasswordHash\" FROM \"AspNetUsers\""), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dataDir, "app.db")));
            // The change is in the audit trail, which the database keeps append-only.
            Assert.Equal("account.create anna", server.Query("styrkort_users",
                "SELECT \"Action\" || ' ' || \"Subject\" FROM \"AuditEntries\" WHERE \"Actor\" LIKE 'cli:%'"));
            foreach (var change in new[] { "UPDATE \"AuditEntries\" SET \"Details\" = 'rewritten'", "DELETE FROM \"AuditEntries\"" })
                Assert.Contains("append-only", Assert.Throws<InvalidOperationException>(() => server.Query("styrkort_users", change)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void UserAdd_WithAShortPassword_IsRefused()
    {
        server.CreateDatabase("styrkort_short");
        var result = StyrkortProcess.RunWithInput("short\n",
            "user", "add", "--name", "bo", "--role", "viewer", "--app-db", server.ConnectionString("styrkort_short"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("at least 10", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", server.Query("styrkort_short", "SELECT \"UserName\" FROM \"AspNetUsers\""));
    }
}
