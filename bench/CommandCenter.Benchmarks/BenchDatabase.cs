using System.Diagnostics;
using CommandCenter.Benchmarks.Cluster;
using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The benchmarks' year of a large district's cases in one SQLite file (/tmp/cc-bench-queues-N.db by default), or in
/// PostgreSQL (data folder /tmp/cc-bench-queues-pg-N), loaded once and shared by the queue and assessment benchmarks; an
/// interrupted load resumes, a database for another N starts over.
/// </summary>
internal static class BenchDatabase
{
    public static async Task<(ServiceProvider Services, LoadPlan Plan, MachineYardstick Yardstick)> OpenAsync(int caseCount, string? databaseFile)
    {
        databaseFile ??= File(caseCount);
        var yardstick = await MachineYardstick.MeasureAsync(databaseFile);
        var plan = await LoadPlan.ReadAsync(databaseFile);
        if (System.IO.File.Exists(databaseFile) && plan?.Cases != caseCount)
        {
            Console.WriteLine($"{databaseFile} was not loaded by this benchmark for {caseCount:N0} cases: starting it over.");
            LoadPlan.Delete(databaseFile);
            plan = null;
        }
        var (services, loaded) = await LoadAsync(
            new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={databaseFile}" }, plan, caseCount, databaseFile, yardstick);
        return (services, loaded, yardstick);
    }

    /// <summary>
    /// The same year in the PostgreSQL database of <paramref name="postgres"/>, whose data folder the benchmark keeps
    /// (<see cref="PostgresFolder"/>): a load interrupted there resumes, one for another N starts over.
    /// </summary>
    public static async Task<(ServiceProvider Services, MachineYardstick Yardstick)> OpenAsync(int caseCount, PostgresProcess postgres, string folder)
    {
        // The yardstick's SQLite commits beside the data folder: the same disk PostgreSQL writes to.
        var yardstick = await MachineYardstick.MeasureAsync(folder);
        var plan = await LoadPlan.ReadPostgresAsync(postgres.ConnectionString());
        if (plan is not null && plan.Cases != caseCount)
        {
            Console.WriteLine($"{folder} was not loaded by this benchmark for {caseCount:N0} cases: starting it over.");
            await postgres.RecreateDatabaseAsync();
            plan = null;
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = postgres.ConnectionString(),
        };
        return ((await LoadAsync(settings, plan, caseCount, folder, yardstick)).Services, yardstick);
    }

    public static string PostgresFolder(int caseCount) => Path.Combine(Path.GetTempPath(), $"cc-bench-queues-pg-{caseCount}");

    /// <summary>The app's infrastructure over the database, migrated and seeded, with the planned cases loaded.</summary>
    private static async Task<(ServiceProvider Services, LoadPlan Plan)> LoadAsync(
        Dictionary<string, string?> settings, LoadPlan? plan, int caseCount, string where, MachineYardstick yardstick)
    {
        settings["Database:DemoCaseCount"] = "0";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddCommandCenterInfrastructure(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        await using (var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
        {
            plan ??= await LoadPlan.StartAsync(db, caseCount);
            if (!plan.Complete) await LoadAsync(db, services.GetRequiredService<DemoDataSeeder>(), plan, where, yardstick);
        }
        return (services, plan with { Complete = true });
    }

    public static string File(int caseCount) => Path.Combine(Path.GetTempPath(), $"cc-bench-queues-{caseCount}.db");

    /// <summary>
    /// A year of demo cases, in batches each committed on its own. The history is generated from the plan's
    /// anchor and a fixed seed, so an interrupted load regenerates it, skips the batches already stored and
    /// goes on with the same case numbers; the counters and the completion mark are committed together last.
    /// </summary>
    private static async Task LoadAsync(CommandCenterDbContext db, DemoDataSeeder seeder, LoadPlan plan, string where, MachineYardstick yardstick)
    {
        var stored = await db.Cases.CountAsync();
        Console.WriteLine(stored == 0
            ? $"Loading {plan.Cases:N0} historical cases into {where} ..."
            : $"Resuming an interrupted load of {where}: {stored:N0} of {plan.Cases:N0} cases are stored ...");
        var load = Stopwatch.StartNew();
        var street = DemoStreet.Build();
        var counters = new Dictionary<string, int>();
        foreach (var batch in seeder.History(street, plan.Cases, plan.AnchorUtc, TimeSpan.FromDays(365), counters).Skip(stored).Chunk(DemoDataSeeder.BatchSize))
            await DemoDataSeeder.SaveBatchAsync(db, batch);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await DemoDataSeeder.SaveCountersAsync(db, street.Street.Code, counters);
            await LoadPlan.CompleteAsync(db);
            await transaction.CommitAsync();
        }
        // What autovacuum reaches in time on a server: the visibility map that lets PostgreSQL count from an index
        // alone, and statistics of the loaded year for the planner.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
        var loaded = plan.Cases - stored;
        Console.WriteLine($"  loaded {loaded:N0} in {load.Elapsed.TotalSeconds:F0} s ({yardstick.PerCommitRate(loaded / load.Elapsed.TotalSeconds, "cases")}; "
            + $"{await db.TimelineEvents.CountAsync():N0} timeline events)");
    }
}
