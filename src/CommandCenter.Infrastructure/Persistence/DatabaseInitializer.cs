using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>Brings the database to the current model on start, seeds the demo street if asked, loads the directory and the notice templates, and tells whether the street still needs its setup.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<CommandCenterDbContext> contexts,
    IOptions<DatabaseOptions> options,
    OrganisationDirectory directory,
    Notices.NoticeTemplates noticeTemplates,
    DeadlineDefaultsSeeder deadlineDefaults,
    DeadlineRulesProvider deadlineRules,
    DecisionRightsProvider decisionRights,
    DemoDataSeeder seeder,
    Setup.FirstStart firstStart,
    TimeProvider clock,
    DashboardProjection dashboard,
    Archive.PersonalNumberVault vault,
    ILogger<DatabaseInitializer> logger)
{
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolder(options.Value.ConnectionString);
            // WAL is a property of the file: readers then run beside the one writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        // A migration may copy a table or build an index over a year of cases: minutes, not a request's 30 seconds.
        db.Database.SetCommandTimeout(MigrationTimeout);
        await db.Database.MigrateAsync(cancellationToken);
        db.Database.SetCommandTimeout(null);
        await vault.OpenAsync(cancellationToken);
        await deadlineDefaults.SeedAsync(db, cancellationToken);
        await deadlineRules.ReloadAsync(db, cancellationToken);
        await DecisionRightsProvider.SeedAsync(db, cancellationToken);
        await decisionRights.ReloadAsync(db, cancellationToken);
        await Assessment.Scoring.ScoringDefaultsSeeder.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (options.Value.SeedDemoData)
            await seeder.SeedAsync(db, options.Value.DemoCaseCount, options.Value.DemoArchivePercent, cancellationToken);
        await directory.LoadAsync(db, cancellationToken);
        await noticeTemplates.LoadAsync(db, cancellationToken);
        await firstStart.CheckAsync(db, cancellationToken);
        await dashboard.RebuildAsync(db, cancellationToken);
        logger.LogInformation("Database ready ({Provider}); {Courtyards} courtyards, {Units} units", db.Database.ProviderName, directory.Courtyards.Count, directory.Units.Count);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
    }
}
