using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using System.Diagnostics;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Benchmarks;

/// <summary>
/// (b) of the pipeline benchmark: a year of a large district's cases in one SQLite file, then
/// the console's queue queries through the same <see cref="CaseQueries"/> the console uses.
/// </summary>
internal static class QueueBenchmark
{
    private const int Runs = 30;

    public static async Task RunAsync(int caseCount, string? databaseFile)
    {
        databaseFile ??= Path.Combine(Path.GetTempPath(), $"cc-bench-queues-{caseCount}.db");
        var yardstick = await MachineYardstick.MeasureAsync(databaseFile);
        var plan = await LoadPlan.ReadAsync(databaseFile);
        if (File.Exists(databaseFile) && plan?.Cases != caseCount)
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
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddCommandCenterInfrastructure(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();

        await using (var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
        {
            plan ??= await LoadPlan.StartAsync(db, caseCount);
            if (!plan.Complete) await LoadAsync(db, services.GetRequiredService<DemoDataSeeder>(), plan, databaseFile, yardstick);
            Console.WriteLine($"Queue queries over {await db.Cases.CountAsync():N0} cases, {Runs} runs each after a warm-up:");
        }

        var queries = services.GetRequiredService<CaseQueries>();
        var sample = (await queries.QueueAsync(Post.System(ActSource.Simulator), new CaseQuery { State = CaseState.InProgress, PageSize = 1 })).Items[0];
        var shapes = new (string Name, CaseQuery Query)[]
        {
            ("first page (all, newest first)", new CaseQuery()),
            ("filter: state = InProgress", new CaseQuery { State = CaseState.InProgress }),
            ("filter: community + state", new CaseQuery { CommunityId = new CommunityId(3), State = CaseState.Closed }),
            ("filter: in progress, by deadline", new CaseQuery { State = CaseState.InProgress, Sort = CaseSort.HandlingDeadline, Descending = false }),
            ("search: case number", new CaseQuery { Search = sample.Number }),
            ("search: text 漏水", new CaseQuery { Search = "漏水" }),
            ("search: text 漏水 + state filter", new CaseQuery { Search = "漏水", State = CaseState.Closed }),
            ("search: 8-character phrase", new CaseQuery { Search = sample.Description[..Math.Min(8, sample.Description.Length)] }),
            ("search: courtyard name", new CaseQuery { Search = sample.CourtyardName }),
            ("page 200 of a state", new CaseQuery { State = CaseState.Closed, Page = 200 }),
        };
        foreach (var (name, query) in shapes)
        {
            var result = await queries.QueueAsync(Post.System(ActSource.Simulator), query);
            var times = new List<double>(Runs);
            for (var i = 0; i < Runs; i++)
            {
                var began = Stopwatch.GetTimestamp();
                await queries.QueueAsync(Post.System(ActSource.Simulator), query);
                times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
            var stats = new LatencyStats(times);
            Console.WriteLine($"  {name,-42} {stats.Describe(50, 95)}  ({result.TotalCount:N0} matches)  p50 = {yardstick.PerHashedMegabyte(stats.Percentile(50))}");
        }
    }

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
