using System.Diagnostics;
using System.Net.Http.Headers;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Benchmarks;

/// <summary>
/// Issue 14's benchmark over the queue benchmark's database (the same file and loader): the unit assessment table
/// through <see cref="AssessmentQueries"/> for the load's year and for its last whole month (goals ≤ 2 s and ≤ 300 ms),
/// with the SQL commands each issues; the person ranking of each <see cref="PersonKind"/> (<see cref="PersonScores"/>, what
/// GET /api/assessment/persons/scores returns) for the same year and month, its figures checked for plausibility; then a
/// tenth of the cases (100,000 of a million) exported as CSV and as .xlsx through the running app, timed, with the app's memory before and at its peak, split (goal ≤ 10 s, flat; <see cref="ExportMemory"/>).
/// </summary>
internal static class AssessmentBenchmark
{
    private const int YearRuns = 5;
    private const int MonthRuns = 20;
    /// <summary>More runs for the rankings, so their p99 is not simply the slowest of a handful.</summary>
    private const int PersonYearRuns = 20;
    private const int PersonMonthRuns = 100;
    private const int Port = 5331;

    public static async Task RunAsync(string webDll, int caseCount, string? databaseFile)
    {
        var (services, plan, _) = await BenchDatabase.OpenAsync(caseCount, databaseFile);
        await using var owned = services;
        var queries = services.GetRequiredService<AssessmentQueries>();
        var lastDay = ChinaTime.LocalDate(plan.AnchorUtc);
        var month = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-1);
        await ComputeDailyFiguresAsync(services.GetRequiredService<DailyFiguresWorker>());
        Console.WriteLine($"Assessment over {caseCount:N0} cases (loaded up to {lastDay:yyyy-MM-dd}), runs after a warm-up:");
        var (year, monthPeriod) = (AssessmentPeriod.Custom(lastDay.AddDays(-364), lastDay), AssessmentPeriod.Month(month.Year, month.Month));
        await TimeAsync($"unit table, {year.FirstDay:yyyy-MM-dd}…{lastDay:yyyy-MM-dd} (year)", YearRuns,
            ct => queries.UnitsAsync(Everyone, year, null, ct));
        await TimeAsync($"unit table, {month:yyyy-MM} (month)", MonthRuns, ct => queries.UnitsAsync(Everyone, monthPeriod, null, ct));
        await TimeAsync($"street's area figures, {month:yyyy-MM} (month)", MonthRuns, ct => queries.AreaAsync(Everyone, monthPeriod, null, ct));
        var scores = services.GetRequiredService<PersonScores>();
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            await TimeAsync($"{kind} ranking (year)", PersonYearRuns, ct => scores.OfKindAsync(Everyone, year, kind, null, ct));
            await TimeAsync($"{kind} ranking, {month:yyyy-MM} (month)", PersonMonthRuns, ct => scores.OfKindAsync(Everyone, monthPeriod, kind, null, ct));
        }
        await CheckPersonsAsync(services, year);

        var (community, rows) = await ExportScopeAsync(services, caseCount / 10);
        var communityPost = CommunityPost(services.GetRequiredService<OrganisationDirectory>(), community);
        await TimeAsync($"unit table (year), community post ({rows:N0} cases)", YearRuns, ct => queries.UnitsAsync(communityPost, year, null, ct));
        await TimeAsync("community post's area figures (year)", YearRuns, ct => queries.AreaAsync(communityPost, year, null, ct));
        await using var app = await AppProcess.StartAsync(webDll, databaseFile ?? BenchDatabase.File(caseCount), Port,
            settings: new Dictionary<string, string> { ["Database__DemoCaseCount"] = "0" });
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await BenchAccess.CreateAsync(app.Address)).DispatcherSecret);
        foreach (var extension in new[] { "csv", "xlsx" })
            await ExportAsync(http, app, $"/api/exports/cases.{extension}?communityId={community}", rows);
    }

    private static readonly Post Everyone = Post.System(ActSource.Simulator);

    /// <summary>
    /// A community post of <paramref name="community"/>: its tables add up the community's stored days and count its
    /// committee's cases elsewhere live (decision 0014).
    /// </summary>
    private static Post CommunityPost(OrganisationDirectory directory, CommunityId community)
    {
        var (staff, post) = directory.Staff.SelectMany(s => s.CurrentPosts.Select(p => (Staff: s, Post: p)))
            .First(x => x.Post.Role == AccessRole.CommunityStaff && x.Post.CommunityId == community);
        return directory.PostOf(staff, ActSource.Simulator, post.Number);
    }

    /// <summary>
    /// Runs the worker of the stored daily unit figures until every day over is computed (the backfill, on a file loaded
    /// before them or by an older build), so the tables are timed as a server that has been running reads them.
    /// </summary>
    private static async Task ComputeDailyFiguresAsync(DailyFiguresWorker worker)
    {
        var began = Stopwatch.GetTimestamp();
        var (rounds, days) = (0, 0);
        for (int done; (done = await worker.RunOnceAsync()) > 0; rounds++) days += done;
        Console.WriteLine($"Daily unit figures: {days:N0} days and marks computed in {rounds} rounds, {Stopwatch.GetElapsedTime(began).TotalSeconds:F1} s");
    }

    /// <summary>
    /// The year's person figures must look like a street's year: each kind's ranking scores someone, and every kind of
    /// unit that received dispatches has handlers who signed, reported done or returned (their acts, not their unit's);
    /// prints each kind's totals, so a drift of the simulated history shows in the output.
    /// </summary>
    private static async Task CheckPersonsAsync(IServiceProvider services, AssessmentPeriod period)
    {
        var scores = services.GetRequiredService<PersonScores>();
        var directory = services.GetRequiredService<OrganisationDirectory>();
        var problems = new List<string>();
        Console.WriteLine($"Person figures, {period.FirstDay:yyyy-MM-dd}…{period.LastDay:yyyy-MM-dd}:");
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            var rows = (await scores.OfKindAsync(Everyone, period, kind)).Rows;
            var ranked = rows.Where(r => r.Rank is not null).ToList();
            var totals = PersonKinds.Figures(kind).Select(act => $"{act} {rows.Sum(r => r.Person.Of(act)):N0}");
            var top = ranked.FirstOrDefault() is { } first ? $"; first {first.Person.Name} ({first.Score!.Value:F1})" : "";
            Console.WriteLine($"  {kind}: {rows.Count} people, {ranked.Count} ranked{top}; {string.Join(", ", totals)}");
            if (ranked.Count == 0) problems.Add($"nobody ranked among the {kind}s");
        }

        var people = await services.GetRequiredService<AssessmentQueries>().PersonsAsync(Everyone, period, null);
        var units = await services.GetRequiredService<AssessmentQueries>().UnitsAsync(Everyone, period, null);
        foreach (var unitKind in units.Where(u => u.Counts.Of(Indicator.Dispatched) > 0).Select(u => u.Kind).Distinct().Order())
        {
            var handlers = people.Where(p => directory.StaffMember(p.StaffId)?.UnitId is { } unit && directory.Unit(unit)?.Kind == unitKind
                && p.Signed + p.ReportedDone + p.Returned > 0).ToList();
            Console.WriteLine($"  handlers of {unitKind}: {handlers.Count} people; Signed {handlers.Sum(p => p.Signed):N0}, "
                + $"ReportedDone {handlers.Sum(p => p.ReportedDone):N0}, Returned {handlers.Sum(p => p.Returned):N0}");
            if (handlers.Count == 0) problems.Add($"no handler of a {unitKind} acted, though its units received dispatches");
        }
        if (problems.Count > 0) throw new InvalidOperationException($"Implausible person figures: {string.Join("; ", problems)}.");
    }

    /// <summary>p50, p95, p99 and max of <paramref name="runs"/> runs after one warm-up, and the SQL commands one run issues.</summary>
    private static async Task TimeAsync<T>(string name, int runs, Func<CancellationToken, Task<T>> table)
    {
        using var commands = new CommandCounter();
        // EF Core caches "nobody listens" for up to a second (ConfigureLoggingCacheTime's default): a counter subscribed
        // sooner after the last query misses the warm-up's commands, which made the year's table print 0.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await table(CancellationToken.None);
        var perRun = commands.Count;
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await table(CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        Console.WriteLine($"  {name,-48} {new LatencyStats(times).Describe(50, 95, 99)}  ({perRun} SQL commands a run)");
    }

    /// <summary>The community whose case count is nearest <paramref name="target"/>: its cases are the exported rows.</summary>
    private static async Task<(CommunityId Community, int Rows)> ExportScopeAsync(IServiceProvider services, int target)
    {
        var cases = services.GetRequiredService<CaseQueries>();
        var counts = new List<(CommunityId, int)>();
        foreach (var community in services.GetRequiredService<OrganisationDirectory>().Communities)
            counts.Add((community.Id, (await cases.QueueAsync(Everyone, new CaseQuery { CommunityId = community.Id, PageSize = 1 })).TotalCount));
        return counts.MinBy(c => Math.Abs(c.Item2 - target));
    }

    /// <summary>
    /// Reads the download to its end while watching the app's memory (<see cref="ExportMemory"/>): the working set
    /// before and at its peak, split into anonymous memory and the database file's mapped pages, and the managed heap
    /// after each GC of the export; then the managed heap after a forced full GC, which shows whether anything was kept.
    /// </summary>
    private static async Task ExportAsync(HttpClient http, AppProcess app, string path, int rows)
    {
        var workingSetBefore = app.WorkingSetBytes;
        var (peakHeap, collections, before, peak) = (0L, 0L, default(ExportMemory.Resident), default(ExportMemory.Resident));
        long began, bytes = 0, lines = 0;
        await using (var memory = await ExportMemory.StartAsync(app))
        {
            began = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            (peakHeap, collections) = await memory.StopAsync();
            (before, peak) = (memory.Before, memory.Peak);
        }
        var elapsed = Stopwatch.GetElapsedTime(began);
        var after = await Live.ServerMemory.SampleAsync(app);
        var counted = path.Contains(".csv", StringComparison.Ordinal) ? $"{lines - 1:N0} rows read" : "rows not counted (zip)";
        Console.WriteLine($"  export {path,-44} {rows:N0} cases: {elapsed.TotalSeconds:F1} s, {bytes / 1e6:F1} MB, {counted}");
        Console.WriteLine($"    working set {workingSetBefore / 1e6:F0} MB before; anonymous {before.Anonymous / 1e6:F0} MB before, peak {peak.Anonymous / 1e6:F0} MB; "
            + $"database file mapped {before.File / 1e6:F0} MB before, peak {peak.File / 1e6:F0} MB");
        var duringExport = collections == 0 ? "no GC during the export" : $"peak after a GC {peakHeap / 1e6:F0} MB over {collections} GCs";
        Console.WriteLine($"    managed heap: {duringExport}; after a forced full GC {after.ManagedHeapBytes / 1e6:F0} MB");
    }

    /// <summary>Counts the SQL commands EF Core executes in this process while it lives (its diagnostic events).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _listeners;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name) Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
