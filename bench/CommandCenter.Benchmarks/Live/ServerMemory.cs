using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// The app's memory after a full blocking GC, forced over its diagnostics port as dotnet-gcdump
/// forces one: the managed heap as that GC reports it, and the resident set as the OS reports it.
/// The app needs no endpoint or package for this; every .NET process listens on that port.
/// </summary>
internal static class ServerMemory
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<MemorySample> SampleAsync(AppProcess app)
    {
        var keywords = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect;
        var client = new DiagnosticsClient(app.ProcessId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)keywords)], requestRundown: false, token: default);
        using var source = new EventPipeEventSource(session.EventStream);

        var heapAfterForcedGc = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var forced = false;
        source.Clr.GCStart += e => forced = e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedCompacting;
        source.Clr.GCHeapStats += e =>
        {
            if (forced) heapAfterForcedGc.TrySetResult(e.TotalHeapSize);
        };
        var reading = Task.Run(source.Process);

        var heap = await heapAfterForcedGc.Task.WaitAsync(Limit);
        await session.StopAsync(default);
        await reading;
        return new MemorySample(heap, app.WorkingSetBytes);
    }
}
