using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Events;

/// <summary>The single-server stream: subscribers in this process, nothing on the wire.</summary>
public sealed class InProcessCaseEventStream(ILogger<InProcessCaseEventStream> logger) : ICaseEventStream
{
    private ImmutableArray<Action<IReadOnlyList<CaseEvent>>> _handlers = [];

    public int SubscriberCount => _handlers.Length;

    public void Publish(IReadOnlyList<CaseEvent> events)
    {
        if (events.Count == 0) return;
        foreach (var handler in _handlers)
        {
            try
            {
                handler(events);
            }
            catch (Exception e)
            {
                // One broken screen must not stop the others, nor the command that published.
                logger.LogError(e, "A case event subscriber failed");
            }
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<CaseEvent>> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, h => h.Remove(handler)));
    }

    /// <summary>With one server every batch is committed here.</summary>
    public IDisposable SubscribeToCommitsHere(Action<IReadOnlyList<CaseEvent>> handler) => Subscribe(handler);

    /// <summary>With one server there is nobody else to tell.</summary>
    public void AnnounceDirectoryChange()
    {
    }

    public IDisposable SubscribeToDirectoryChangesElsewhere(Action handler) => new Subscription(() => { });

    /// <summary>Nothing between the publisher and its subscribers can fail, so the stream never breaks.</summary>
    public IDisposable SubscribeToResumes(Action handler) => new Subscription(() => { });

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
