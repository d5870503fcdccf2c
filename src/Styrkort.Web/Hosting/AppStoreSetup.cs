using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Hosting;

internal static class AppStoreSetup
{
    /// <summary>SQLite in the data folder by default; PostgreSQL when a connection string is given.</summary>
    public static void AddAppStore(this IServiceCollection services, WebOptions options)
    {
        if (options.AppDatabase is { } pg)
        {
            services.AddDbContext<PostgresAppDb>(o => o.UseNpgsql(pg));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<PostgresAppDb>());
        }
        else
        {
            var path = Path.Combine(options.DataDirectory, "app.db");
            services.AddDbContext<SqliteAppDb>(o => o.UseSqlite($"Data Source={path}"));
            services.AddScoped<AppDb>(sp => sp.GetRequiredService<SqliteAppDb>());
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDb>().Database.MigrateAsync();
    }

    /// <summary>The board levels decided in the app: the latest decision per goal, unit and year.</summary>
    public static Dictionary<(string, string, int), decimal> DecidedLevels(AppDb db) =>
        db.TargetDecisions.AsNoTracking().Where(t => t.Kind == TargetKinds.Decision).AsEnumerable()
            .GroupBy(t => (t.GoalId, t.UnitId, t.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.RecordedAtUtc).ThenBy(t => t.Id).Last().Level);
}
