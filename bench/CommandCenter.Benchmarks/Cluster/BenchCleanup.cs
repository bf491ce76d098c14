using System.Runtime.InteropServices;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// What a benchmark started outside its own process (database and cache servers, app servers, temporary folders),
/// undone in reverse order when the benchmark disposes it, and also on Ctrl-C, SIGTERM or SIGHUP, when no finally
/// block runs.
/// </summary>
internal static class BenchCleanup
{
    private static readonly List<(int Id, Action Undo)> Pending = [];
    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
    private static int _next;
    private static volatile bool _interrupted;

    /// <summary>
    /// Whether a signal is stopping the benchmark: what fails in the main flow meanwhile (a server it killed) is
    /// expected, and the flow must wait for the cleanup to finish and end the process (see <see cref="AwaitExitAsync"/>).
    /// </summary>
    public static bool Interrupted => _interrupted;

    /// <summary>Never returns: the signal's handler ends the process once everything is stopped.</summary>
    public static Task AwaitExitAsync() => Task.Delay(Timeout.Infinite);

    /// <summary>Registers <paramref name="undo"/>; disposing the result runs it now and forgets it.</summary>
    public static IDisposable Register(Action undo)
    {
        GC.KeepAlive(Signals);
        lock (Pending)
        {
            var id = ++_next;
            Pending.Add((id, undo));
            return new Registration(id);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        Console.Error.WriteLine($"{context.Signal}: stopping what the benchmark started ...");
        context.Cancel = true;
        _interrupted = true;
        List<(int Id, Action Undo)> all;
        lock (Pending)
        {
            all = [.. Pending];
            Pending.Clear();
        }
        for (var i = all.Count - 1; i >= 0; i--) Run(all[i].Undo);
        Environment.Exit(130);
    }

    private static void Run(Action undo)
    {
        try
        {
            undo();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"  cleanup: {e.Message}");
        }
    }

    private sealed class Registration(int id) : IDisposable
    {
        public void Dispose()
        {
            Action? undo;
            lock (Pending)
            {
                var index = Pending.FindIndex(p => p.Id == id);
                if (index < 0) return;
                undo = Pending[index].Undo;
                Pending.RemoveAt(index);
            }
            Run(undo);
        }
    }
}
