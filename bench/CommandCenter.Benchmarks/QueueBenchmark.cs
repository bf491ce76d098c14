using CommandCenter.Benchmarks.Cluster;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using System.Diagnostics;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Benchmarks;

/// <summary>
/// (b) of the pipeline benchmark: a year of a large district's cases in one SQLite file (or PostgreSQL), then
/// the console's queue queries through the same <see cref="CaseQueries"/> the console uses.
/// </summary>
internal static class QueueBenchmark
{
    private const int Runs = 30;

    public static async Task RunAsync(int caseCount, string? databaseFile)
    {
        var (services, _, yardstick) = await BenchDatabase.OpenAsync(caseCount, databaseFile);
        await using var owned = services;
        await MeasureAsync(services, yardstick);
    }

    /// <summary>
    /// The same cases and queries on PostgreSQL, started for the run over a data folder kept for the next one
    /// (<paramref name="folder"/>, default /tmp/cc-bench-queues-pg-N): the figures beside the SQLite ones.
    /// </summary>
    public static async Task RunPostgresAsync(int caseCount, string? folder)
    {
        folder ??= BenchDatabase.PostgresFolder(caseCount);
        await using var postgres = await PostgresProcess.StartAsync(folder, keep: true);
        var (services, yardstick) = await BenchDatabase.OpenAsync(caseCount, postgres, folder);
        await using var owned = services;
        Console.Write("PostgreSQL: ");
        await MeasureAsync(services, yardstick);
    }

    private static async Task MeasureAsync(IServiceProvider services, MachineYardstick yardstick)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
            Console.WriteLine($"Queue queries over {await db.Cases.CountAsync():N0} cases, {Runs} runs each after a warm-up:");

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
            await TimeAsync(name, yardstick, async () =>
            {
                var page = await queries.QueueAsync(Post.System(ActSource.Simulator), query);
                return $"{(page.TotalIsLowerBound ? "≥ " : "")}{page.TotalCount:N0} matches";
            });
        // The queue page asks for these beside every page it shows, and again on each live refresh.
        var tabs = new (string Name, CaseQuery Filters)[]
        {
            ("tab counts (no filter)", new CaseQuery()),
            ("tab counts: community", new CaseQuery { CommunityId = new CommunityId(3) }),
            ("tab counts: text 漏水", new CaseQuery { Search = "漏水" }),
        };
        foreach (var (name, filters) in tabs)
            await TimeAsync(name, yardstick, async () =>
            {
                var counts = await queries.CountByStateAsync(Post.System(ActSource.Simulator), filters);
                var all = CappedCount.Sum(counts.Values);
                return $"{(all.IsLowerBound ? "≥ " : "")}{all.Value:N0} in {counts.Values.Count(c => c.Value > 0)} states";
            });
    }

    /// <summary>One warm-up, then <see cref="Runs"/> timed runs of <paramref name="run"/>, which describes what it found.</summary>
    private static async Task TimeAsync(string name, MachineYardstick yardstick, Func<Task<string>> run)
    {
        var found = await run();
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        var stats = new LatencyStats(times);
        Console.WriteLine($"  {name,-42} {stats.Describe(50, 95)}  ({found})  p50 = {yardstick.PerHashedMegabyte(stats.Percentile(50))}");
    }
}
