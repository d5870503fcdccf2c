using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Styrkort.Web.AppStore;

/// <summary>The app store: users, check-ins, target decisions, import history, API tokens, the audit trail, goal-file versions.</summary>
public abstract class AppDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CheckInAction> CheckInActions => Set<CheckInAction>();
    public DbSet<CheckInVersion> CheckInVersions => Set<CheckInVersion>();
    public DbSet<TargetDecision> TargetDecisions => Set<TargetDecision>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<GoalFileVersion> GoalFileVersions => Set<GoalFileVersion>();
    public DbSet<AlertSubscription> AlertSubscriptions => Set<AlertSubscription>();
    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();
    public DbSet<AlertAttempt> AlertAttempts => Set<AlertAttempt>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CheckIn>().HasIndex(c => new { c.GoalId, c.UnitId, c.Period }).IsUnique();
        builder.Entity<CheckIn>().HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.Entity<CheckIn>().Property(c => c.Version).IsConcurrencyToken();
        builder.Entity<CheckIn>().HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CheckInId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<CheckInVersion>().HasIndex(v => new { v.CheckInId, v.Number }).IsUnique();
        builder.Entity<TargetDecision>().HasIndex(t => new { t.GoalId, t.UnitId, t.Year });
        builder.Entity<TargetDecision>().Property(t => t.Level).HasPrecision(18, 4);
        builder.Entity<ApiToken>().HasIndex(t => t.Hash).IsUnique();
        builder.Entity<AuditEntry>().HasIndex(a => a.AtUtc);
        builder.Entity<AuditEntry>().HasIndex(a => new { a.Action, a.AtUtc });
        builder.Entity<GoalFileVersion>().HasIndex(v => v.Number).IsUnique();
        builder.Entity<AlertSubscription>().HasIndex(s => s.UserId);
        builder.Entity<AlertSubscription>().Ignore(s => s.KindList);
        builder.Entity<AlertSubscription>().Ignore(s => s.PeriodList);
        // Subscriptions made before these existed: Swedish mails about the quarter, as they were.
        builder.Entity<AlertSubscription>().Property(s => s.Language).HasDefaultValue("sv");
        builder.Entity<AlertSubscription>().Property(s => s.Periods).HasDefaultValue(AlertPeriods.Quarter);
        builder.Entity<AlertRecord>().Property(a => a.MessageEn).HasDefaultValue("");
        // Once only: the same change for the same subscription is one row (a subscription deleted keeps its alerts).
        builder.Entity<AlertRecord>().HasIndex(a => new { a.SubscriptionId, a.GoalId, a.UnitId, a.Period, a.Kind, a.Dataset }).IsUnique();
        builder.Entity<AlertRecord>().HasIndex(a => new { a.UserId, a.CreatedAtUtc });
        builder.Entity<AlertRecord>().HasMany(a => a.Attempts).WithOne().HasForeignKey(t => t.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The embedded default. Each provider has its own migrations, since their SQL types differ.</summary>
public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options);

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options);

// Used by 'dotnet ef migrations add' only.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
