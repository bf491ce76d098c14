using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The app's memory while an export runs, split so a rise can be told apart: the managed heap as each GC leaves it
/// (over the diagnostics port, as <see cref="Live.ServerMemory"/> reads it), the anonymous resident memory (heaps,
/// the GC's committed memory, native buffers) and the file pages mapped into the process (SQLite reads its file
/// through a memory map: pages the query touched count in the working set, but they are the file's cached pages,
/// which the kernel takes back under pressure, not memory the app holds).
/// </summary>
internal sealed class ExportMemory : IAsyncDisposable
{
    private readonly AppProcess _app;
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _reading;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakHeap, _collections;

    private ExportMemory(AppProcess app, EventPipeSession session)
    {
        _app = app;
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Clr.GCHeapStats += e =>
        {
            Interlocked.Increment(ref _collections);
            InterlockedMax(ref _peakHeap, e.TotalHeapSize);
        };
        _reading = Task.Run(_source.Process);
        Before = Resident.Of(app.ProcessId);
        Peak = Before;
        _sampler = Task.Run(async () =>
        {
            while (!_sampling.IsCancellationRequested)
            {
                var now = Resident.Of(app.ProcessId);
                Peak = new Resident(Math.Max(Peak.Anonymous, now.Anonymous), Math.Max(Peak.File, now.File));
                await Task.Delay(50);
            }
        });
    }

    public Resident Before { get; }

    /// <summary>Each part's own peak over the samples (not necessarily at the same moment).</summary>
    public Resident Peak { get; private set; }

    public static async Task<ExportMemory> StartAsync(AppProcess app)
    {
        var session = await new DiagnosticsClient(app.ProcessId).StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)],
            requestRundown: false, token: default);
        return new ExportMemory(app, session);
    }

    /// <summary>Stops watching; the managed heap's largest size after a GC during the export, and how many GCs ran.</summary>
    public async Task<(long PeakHeapBytes, long Collections)> StopAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        await _session.StopAsync(default);
        await _reading;
        return (Interlocked.Read(ref _peakHeap), Interlocked.Read(ref _collections));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_sampling.IsCancellationRequested) await StopAsync();
        _source.Dispose();
        _session.Dispose();
        _sampling.Dispose();
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    /// <summary>The resident set as Linux splits it (<c>/proc/PID/status</c>): anonymous pages and file pages mapped.</summary>
    internal readonly record struct Resident(long Anonymous, long File)
    {
        public static Resident Of(int processId)
        {
            long anonymous = 0, file = 0;
            foreach (var line in System.IO.File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anonymous = Kilobytes(line);
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
            }
            return new Resident(anonymous, file);
        }

        private static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
