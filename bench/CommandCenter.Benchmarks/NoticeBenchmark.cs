using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.LocalServers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Benchmarks;

/// <summary>
/// Notices (issue 16): N notices (one owners' meeting announced to a large street, one per home) put in
/// the outbox at once and handed by the app's worker to an HTTP gateway on loopback that counts them by
/// idempotency key. Then the same again with the app killed (the whole process, no shutdown) when half
/// have arrived and started again on the same database: every key must arrive, and none be accepted twice.
/// </summary>
internal static class NoticeBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(string webDll, int count)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cc-bench-notices-{Guid.NewGuid():N}.db");
        try
        {
            var yardstick = await MachineYardstick.MeasureAsync(database);
            // The first start migrates and loads the street (no case history: only the outbox matters here);
            // its worker stays off so the outbox is filled first.
            await (await AppProcess.StartAsync(webDll, database, 5321, settings: new Dictionary<string, string>
            {
                ["Database__DemoCaseCount"] = "0",
                ["Notices__WorkerEnabled"] = "false",
            })).DisposeAsync();
            using var gateway = new CountingGateway();
            var settings = new Dictionary<string, string>
            {
                ["Database__DemoCaseCount"] = "0",
                ["Notices__Gateway"] = "Http",
                ["Notices__Http__Url"] = gateway.Url,
                // An announcement is not urgent: with quiet hours it would wait for the morning when run at night.
                ["Notices__QuietHoursStart"] = "00:00",
                ["Notices__QuietHoursEnd"] = "00:00",
                // A killed worker's claims lapse after this; the default (2 min) would only make the second run wait.
                ["Notices__ClaimLease"] = "00:00:10",
            };

            Console.WriteLine($"Notices: {count:N0} queued at once, handed to an HTTP gateway on loopback ({gateway.Url})");
            var run = gateway.NewRun();
            await QueueAsync(database, count, run);
            var (elapsed, peak) = await DeliverAsync(webDll, database, settings, gateway, run, count, killAtHalf: false);
            Report(yardstick, gateway, run, count, elapsed, peak);
            await CheckOutboxAsync(database, run, count);

            Console.WriteLine($"Notices, killed halfway: {count:N0} more queued; the app is killed (no shutdown) when half have arrived, then started again");
            run = gateway.NewRun();
            await QueueAsync(database, count, run);
            (elapsed, peak) = await DeliverAsync(webDll, database, settings, gateway, run, count, killAtHalf: true);
            Report(yardstick, gateway, run, count, elapsed, peak);
            await CheckOutboxAsync(database, run, count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    /// <summary>Puts <paramref name="count"/> notices in the outbox in one transaction, each to its own phone, tagged by run.</summary>
    private static async Task QueueAsync(string database, int count, string run)
    {
        var options = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(options, $"Data Source={database}");
        await using var db = new SqliteCommandCenterDbContext(options.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            db.Notices.Add(new Notice
            {
                Kind = NoticeKind.CaseClosed, CaseNumber = run, RecipientName = "业主",
                Phone = string.Create(CultureInfo.InvariantCulture, $"139{i:D8}"),
                Text = "【寸滩街道】业主大会定于12月20日19:00在社区活动中心召开，请准时参加。",
                CreatedAtUtc = now, DueAtUtc = now, State = NoticeState.Pending,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes)> DeliverAsync(
        string webDll, string database, Dictionary<string, string> settings, CountingGateway gateway, string run, int count, bool killAtHalf)
    {
        var clock = Stopwatch.StartNew();
        gateway.StartClock(run);
        long peak = 0;
        // Not waiting for it to answer: its worker starts sending before that, and the kill must fall mid-run.
        var app = AppProcess.Launch(webDll, database, 5321, settings: settings);
        try
        {
            if (killAtHalf)
            {
                while (gateway.Distinct(run) < count / 2 && clock.Elapsed < Patience) await Task.Delay(1);
                peak = Math.Max(peak, app.WorkingSetBytes);
                Console.WriteLine($"  killed at {gateway.Distinct(run):N0} delivered ({clock.Elapsed.TotalSeconds:F1} s); starting again");
                await app.DisposeAsync();
                app = await AppProcess.StartAsync(webDll, database, 5321, settings: settings);
            }
            while (gateway.Distinct(run) < count && clock.Elapsed < Patience)
            {
                peak = Math.Max(peak, app.WorkingSetBytes);
                await Task.Delay(50);
            }
            var elapsed = clock.Elapsed;
            // Let the worker record its last batch before the app is stopped, or the next run would send it again.
            while (await SentAsync(database, run) < count && clock.Elapsed < Patience) await Task.Delay(100);
            return (elapsed, peak);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static void Report(MachineYardstick yardstick, CountingGateway gateway, string run, int count, TimeSpan elapsed, long peakBytes)
    {
        var delivered = gateway.Distinct(run);
        var latencies = gateway.Latencies(run);
        var rate = delivered / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  delivered {delivered:N0} of {count:N0} in {elapsed.TotalSeconds:F1} s (from the app's start; goal ≤ 60 s: {(delivered == count && elapsed.TotalSeconds <= 60 ? "met" : "NOT met")})"));
        Console.WriteLine($"  throughput: {yardstick.PerCommitRate(rate, "notices")} (app start included); first to last delivery: {yardstick.PerCommitRate(delivered / ((latencies.Max - latencies.Percentile(0)) / 1000), "notices")}");
        Console.WriteLine($"  time to the gateway, from the app's start (all were queued before it): {latencies.Describe(50, 95, 99)}");
        Console.WriteLine($"  lost: {count - delivered:N0}; requests repeating a key already received: {gateway.Repeats(run):N0} (at-least-once; the gateway accepts each key once, so sent twice: 0)");
        Console.WriteLine($"  app working set, peak sampled: {peakBytes / 1024 / 1024} MB; gateway errors: {gateway.Errors}");
    }

    private static async Task<int> SentAsync(string database, string run)
    {
        var options = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(options, $"Data Source={database}");
        await using var db = new SqliteCommandCenterDbContext(options.Options);
        return await db.Notices.CountAsync(n => n.CaseNumber == run && n.State == NoticeState.Sent);
    }

    /// <summary>The app's own record must agree: every notice of the run marked sent, none left claimed or dead.</summary>
    private static async Task CheckOutboxAsync(string database, string run, int count)
    {
        var options = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(options, $"Data Source={database}");
        await using var db = new SqliteCommandCenterDbContext(options.Options);
        var states = await db.Notices.Where(n => n.CaseNumber == run).GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"  outbox: {string.Join(", ", states.Select(s => $"{s.Key} {s.Count:N0}"))} (expected Sent {count:N0})");
    }

    /// <summary>An SMS provider stand-in: accepts each idempotency key once and counts repeats.</summary>
    private sealed class CountingGateway : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<Guid, string> _firstSeen = new();
        private readonly ConcurrentDictionary<string, int> _repeats = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> _runs = new();
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private double _runStartedAt;
        private string _current = "";
        private int _errors;

        public CountingGateway()
        {
            var port = LoopbackPort.Free();
            Url = $"http://127.0.0.1:{port}/sms";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public string Url { get; }
        public int Errors => _errors;

        public string NewRun() => _current = "BENCH-" + Guid.NewGuid().ToString("N")[..8];

        public void StartClock(string run)
        {
            _runStartedAt = _since.Elapsed.TotalMilliseconds;
            _runs[run] = new();
            _latencies[run] = [];
        }

        public int Distinct(string run) => _runs.TryGetValue(run, out var keys) ? keys.Count : 0;
        public int Repeats(string run) => _repeats.GetValueOrDefault(run);
        public LatencyStats Latencies(string run) => new(_latencies.TryGetValue(run, out var bag) ? bag : Enumerable.Empty<double>());

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                _ = Task.Run(() => Handle(context));
            }
        }

        private void Handle(HttpListenerContext context)
        {
            try
            {
                context.Request.InputStream.CopyTo(Stream.Null);
                var run = _current;
                if (Guid.TryParse(context.Request.Headers["Idempotency-Key"], out var key))
                {
                    var now = _since.Elapsed.TotalMilliseconds;
                    if (_firstSeen.TryAdd(key, run))
                    {
                        _runs[run].TryAdd(key, 0);
                        _latencies[run].Add(now - _runStartedAt);
                    }
                    else
                    {
                        _repeats.AddOrUpdate(_firstSeen[key], 1, (_, n) => n + 1);
                    }
                    context.Response.StatusCode = 200;
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                    context.Response.StatusCode = 400;
                }
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                Interlocked.Increment(ref _errors);
            }
        }

        public void Dispose() => _listener.Close();
    }
}
