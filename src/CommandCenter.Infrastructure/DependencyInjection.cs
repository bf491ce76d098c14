using Microsoft.AspNetCore.DataProtection;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Health;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CommandCenter.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddCommandCenterInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddContexts<SqlServerCommandCenterDbContext>(DatabaseSetup.SqlServer, database.ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddContexts<PostgreSqlCommandCenterDbContext>(DatabaseSetup.PostgreSql, database.ConnectionString);
                break;
            default:
                services.AddContexts<SqliteCommandCenterDbContext>(DatabaseSetup.Sqlite, database.ConnectionString);
                services.AddHostedService(sp => new SqliteCheckpointer(database.ConnectionString, sp.GetRequiredService<WriteGate>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
                break;
        }

        services.AddOptions<DeadlineOptions>()
            .Bind(configuration.GetSection(DeadlineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DeadlineRulesProvider>();
        services.AddSingleton<DeadlineDefaultsSeeder>();
        services.AddSingleton<DeadlineSweeper>();
        services.AddSingleton<DeadlineAdministration>();
        services.AddDeadlineTimers(configuration, database);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new WriteGate(serialise: database.Provider == DatabaseProvider.Sqlite));
        services.AddSingleton<CaseEventsInterceptor>();
        services.AddNotices(configuration);
        services.AddSingleton<UnitOfWork>();
        services.AddSingleton<OrganisationDirectory>();
        services.AddCaseEvents(configuration);
        services.AddSingleton<DashboardProjection>();
        services.AddSingleton<DashboardResync>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardResync>());
        services.AddSingleton<Telemetry.CommandCenterMetrics>();
        services.AddSingleton<WallAssessment>();
        // One writer at a time (SQLite) numbers in the intake's transaction; several take numbers from blocks (docs/decisions/0018).
        services.AddSingleton(sp => new IntakeWriter(sp.GetRequiredService<UnitOfWork>(), sp.GetRequiredService<TimeProvider>(),
            database.Provider == DatabaseProvider.Sqlite ? null : new CaseNumberBlocks(sp.GetRequiredService<UnitOfWork>())));
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<Assessment.AssessmentQueries>();
        services.AddSingleton<Assessment.DailyFiguresMarks>();
        services.AddSingleton<Assessment.DailyFiguresWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Assessment.DailyFiguresWorker>());
        services.AddSingleton<Assessment.Scoring.ScoringAdministration>();
        services.AddSingleton<Assessment.Scoring.UnitScores>();
        services.AddSingleton<Assessment.Scoring.PersonScores>();
        services.AddSingleton<Assessment.Scoring.HonourRolls>();
        services.AddSingleton<Credit.CreditService>();
        services.AddSingleton<Archive.ArchiveQueries>();
        services.AddSingleton<Archive.ArchiveBook>();
        services.AddSingleton<Archive.CourtyardLists>();
        services.AddSingleton<Archive.ArchiveRound>();
        services.AddSingleton<Archive.ArchiveTally>();
        services.AddSingleton<Archive.ResidentBookImport>();
        services.AddSingleton<Archive.OwnerListImport>();
        services.AddSingleton<Assessment.AssessmentSettings>();
        services.AddOptions<PhotoOptions>().Bind(configuration.GetSection(PhotoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<StaffPhotos>();
        services.AddSingleton<CategoryUsage>();
        services.AddSingleton<PublicReportService>();
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DecisionRightsProvider>();
        services.AddSingleton<DecisionRightsAdministration>();
        services.AddSingleton<PersonalDataReveal>();
        // Sign-in cookies, antiforgery tokens and the archive's personal numbers: one key ring, kept in the
        // database so it survives restarts and every server reads it, sealed by a certificate when one is configured.
        // Identity's stores and the key ring ask for a context per scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("CommandCenter").PersistKeysToDbContext<CommandCenterDbContext>()
            .ProtectKeysAsConfigured(configuration);
        services.AddSingleton<Archive.PersonalNumberVault>();
        services.AddSingleton<Domain.Archive.INumberSealer>(sp => sp.GetRequiredService<Archive.PersonalNumberVault>());
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Setup.FirstStart>();
        services.AddSingleton<PeopleAdministration>();
        services.AddSingleton<UnitAdministration>();
        services.AddSingleton<CategoryAdministration>();
        services.AddSingleton<PlaceAdministration>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<DirectoryChanges>();
        services.AddHostedService<DirectoryFollower>();
        services.AddSingleton<Passwords>();
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddReadinessChecks(configuration);
        if (configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() is { Enabled: true })
            services.AddHostedService<CaseSimulator>();
        return services;
    }

    /// <summary>
    /// The provider's pooled contexts with the app's interceptors, handed out as the common base type. The batch save
    /// comes last: the case events and notices are collected from the entries it then writes itself.
    /// </summary>
    private static void AddContexts<TContext>(this IServiceCollection services, Func<DbContextOptionsBuilder, string, DbContextOptionsBuilder> setup, string connectionString)
        where TContext : CommandCenterDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, o) => setup(o, connectionString)
            .AddInterceptors(
                sp.GetRequiredService<CaseEventsInterceptor>(), sp.GetRequiredService<NoticeOutbox>(), sp.GetRequiredService<Assessment.DailyFiguresMarks>(),
                CaseBatchSave.Instance));
        services.AddSingleton<IDbContextFactory<CommandCenterDbContext>, ContextFactory<TContext>>();
    }

    /// <summary>
    /// Quartz runs the deadline sweep and the monthly credit job. On SQLite its store is in memory: the deadlines live on
    /// the cases, so nothing of the scheduler's own needs to survive a restart, and SQLite's one
    /// write lock should not be shared with it. On SQL Server and PostgreSQL it runs clustered on its
    /// AdoJobStore (schema: Deadlines/quartz-sqlserver.sql, Deadlines/quartz-postgres.sql) so that
    /// exactly one server sweeps at a time.
    /// </summary>
    private static void AddDeadlineTimers(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var deadlines = configuration.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions();
        services.AddOptions<CreditOptions>().Bind(configuration.GetSection(CreditOptions.Section))
            .Validate(o => o.ScheduleIsCron(), "Credit:PublishSchedule is not a Quartz cron expression.")
            .ValidateOnStart();
        var credit = configuration.GetSection(CreditOptions.Section).Get<CreditOptions>() ?? new CreditOptions();
        if (!deadlines.RunTimers) return;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "CommandCenter";
                scheduler.GenerateInstanceId = true;
            });
            quartz.AddJob<DeadlineSweepJob>(job => job.WithIdentity(DeadlineSweepJob.Key).StoreDurably(true).DisallowConcurrentExecution(true));
            quartz.AddTrigger<DeadlineSweepJob>(trigger => trigger
                .ForJob(DeadlineSweepJob.Key)
                .WithIdentity("deadline-sweep-interval", "timers")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(deadlines.SweepInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            if (credit.PublishMonthly)
            {
                // The monthly credit job at month start, and once at every start: a month start the servers slept
                // through is caught up (the job does a month once, so the extra runs publish nothing).
                quartz.AddJob<MonthlyCreditJob>(job => job.WithIdentity(MonthlyCreditJob.Key).StoreDurably(true).DisallowConcurrentExecution(true));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(MonthlyCreditJob.Key)
                    .WithIdentity(MonthlyCreditJob.Schedule)
                    .WithCronSchedule(credit.PublishSchedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
                quartz.AddTrigger(trigger => trigger.ForJob(MonthlyCreditJob.Key).WithIdentity(MonthlyCreditJob.AtStart).StartNow());
            }
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                quartz.UsePersistentStore(store =>
                {
                    if (database.Provider == DatabaseProvider.PostgreSql) store.UsePostgres(database.ConnectionString);
                    else store.UseSqlServer(database.ConnectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = deadlines.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = deadlines.ClusterCheckinMisfireThreshold;
                    });
                    store.UseSystemTextJsonSerializer(_ => { });
                });
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>In process by default; through Redis when several servers share the work.</summary>
    private static void AddCaseEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section));
        var events = configuration.GetSection(EventsOptions.Section).Get<EventsOptions>() ?? new EventsOptions();
        if (events.Provider == EventsProvider.Redis)
        {
            var connection = events.RedisConnectionString
                ?? throw new InvalidOperationException("Events:RedisConnectionString is required when Events:Provider is Redis.");
            var redis = StackExchange.Redis.ConfigurationOptions.Parse(connection);
            // Try again every second rather than backing off to ten: walls resynchronise only once Redis is back.
            redis.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(1000);
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<ICaseEventStream, RedisCaseEventStream>();
        }
        else
        {
            services.AddSingleton<ICaseEventStream, InProcessCaseEventStream>();
        }
    }
}
