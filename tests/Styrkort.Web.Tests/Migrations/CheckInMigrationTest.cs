using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Styrkort.Testing;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Tests.Migrations;

/// <summary>
/// The migration CheckInVersions, on each provider: every check-in saved before it becomes its version 1 (analysis,
/// actions in order, author and time), and the versions are append-only in the database itself.
/// </summary>
public abstract class CheckInMigrationTest
{
    protected abstract AppDb NewDatabase();

    [Fact]
    public async Task Migration_MakesEveryExistingCheckInItsVersion1_AndVersionsAreAppendOnly()
    {
        await using var db = NewDatabase();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("OneImportHistory");
        var saved = new DateTime(2026, 7, 2, 9, 15, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"CheckIns\" (\"GoalId\", \"UnitId\", \"Period\", \"Analysis\", \"UpdatedBy\", \"UpdatedAtUtc\") VALUES ('nps', 'skane', '2026-Q2', 'Gammal **analys**.', 'karin', {saved})");
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"CheckIns\" (\"GoalId\", \"UnitId\", \"Period\", \"Analysis\", \"UpdatedBy\", \"UpdatedAtUtc\") VALUES ('nps', 'vast', '2026-Q2', 'Utan åtgärder.', 'per', {saved})");
        var due = new DateOnly(2026, 9, 30);
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"CheckInActions\" (\"CheckInId\", \"What\", \"Who\", \"Due\", \"State\") VALUES (1, 'Ring \"kunderna\"', 'Eva', {due}, 'in_progress')");
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"CheckInActions\" (\"CheckInId\", \"What\", \"Who\", \"Due\", \"State\") VALUES (1, 'Mät igen', 'Ola', NULL, 'open')");

        await migrator.MigrateAsync();

        var checkIns = await db.CheckIns.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.All(checkIns, c => Assert.Equal(1, c.Version));
        var versions = await db.CheckInVersions.AsNoTracking().OrderBy(v => v.CheckInId).ToListAsync();
        Assert.Equal([(1, 1, "Gammal **analys**.", "karin"), (2, 1, "Utan åtgärder.", "per")], versions.Select(v => (v.CheckInId, v.Number, v.Analysis, v.SavedBy)));
        Assert.All(versions, v => Assert.Equal(saved, DateTime.SpecifyKind(v.SavedAtUtc.ToUniversalTime(), DateTimeKind.Utc)));
        Assert.Equal([new CheckInVersions.Action("Ring \"kunderna\"", "Eva", due, "in_progress"), new CheckInVersions.Action("Mät igen", "Ola", null, "open")],
            CheckInVersions.Actions(versions[0]));
        Assert.Empty(CheckInVersions.Actions(versions[1]));

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"CheckInVersions\" SET \"Analysis\" = 'omskriven'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"CheckInVersions\""));
        Assert.Equal(2, await db.CheckInVersions.CountAsync(v => v.Analysis != "omskriven"));
    }
}

public sealed class CheckInMigrationOnSqliteTest : CheckInMigrationTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-appstore-").FullName;

    protected override AppDb NewDatabase() =>
        new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite($"Data Source={Path.Combine(_folder, "app.db")}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class CheckInMigrationOnPostgresTest : CheckInMigrationTest
{
    protected override AppDb NewDatabase()
    {
        var name = $"checkins_{Guid.NewGuid():N}"[..24];
        PostgresServer.Shared.CreateDatabase(name);
        return new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(PostgresServer.Shared.ConnectionString(name)).Options);
    }
}
