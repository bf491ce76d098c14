using System.Diagnostics;
using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The benchmarks' year of a large district's cases in one SQLite file (/tmp/cc-bench-queues-N.db by default), loaded
/// once and shared by the queue and assessment benchmarks; an interrupted load resumes, a file for another N starts over.
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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={databaseFile}",
            ["Database:DemoCaseCount"] = "0",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddCommandCenterInfrastructure(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        await using (var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
        {
            plan ??= await LoadPlan.StartAsync(db, caseCount);
            if (!plan.Complete) await LoadAsync(db, services.GetRequiredService<DemoDataSeeder>(), plan, databaseFile, yardstick);
        }
        return (services, plan with { Complete = true }, yardstick);
    }

    public static string File(int caseCount) => Path.Combine(Path.GetTempPath(), $"cc-bench-queues-{caseCount}.db");

    /// <summary>
    /// A year of demo cases, in batches each committed on its own. The history is generated from the plan's
    /// anchor and a fixed seed, so an interrupted load regenerates it, skips the batches already stored and
    /// goes on with the same case numbers; the counters and the completion mark are committed together last.
    /// </summary>
    private static async Task LoadAsync(CommandCenterDbContext db, DemoDataSeeder seeder, LoadPlan plan, string databaseFile, MachineYardstick yardstick)
    {
        var stored = await db.Cases.CountAsync();
        Console.WriteLine(stored == 0
            ? $"Loading {plan.Cases:N0} historical cases into {databaseFile} ..."
            : $"Resuming an interrupted load of {databaseFile}: {stored:N0} of {plan.Cases:N0} cases are stored ...");
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
        var loaded = plan.Cases - stored;
        Console.WriteLine($"  loaded {loaded:N0} in {load.Elapsed.TotalSeconds:F0} s ({yardstick.PerCommitRate(loaded / load.Elapsed.TotalSeconds, "cases")}; "
            + $"{await db.TimelineEvents.CountAsync():N0} timeline events)");
    }
}
