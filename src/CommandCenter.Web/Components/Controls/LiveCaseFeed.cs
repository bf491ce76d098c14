using CommandCenter.Infrastructure.Events;

namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// The one way a live component follows committed case events: subscribe, keep the events
/// that concern it, coalesce a burst into one update per interval, run the update on the
/// component's circuit (its <c>InvokeAsync</c>) in the circuit's language, and stop at once on
/// dispose. The update receives every relevant event since the previous update, oldest first.
/// </summary>
public sealed class LiveCaseFeed : IDisposable
{
    /// <summary>Phones and the resident's page: a change shows at once, a burst at most four times a second.</summary>
    public static readonly TimeSpan PhoneInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly Func<CaseEvent, bool> _relevant;
    private readonly RenderThrottle _throttle;
    private readonly IDisposable _subscription;
    private List<CaseEvent> _pending = [];

    private LiveCaseFeed(
        ICaseEventStream events, Func<CaseEvent, bool> relevant, Func<IReadOnlyList<CaseEvent>, Task> update,
        Func<Func<Task>, Task> invokeAsync, TimeSpan interval, TimeProvider clock)
    {
        // Captured here, on the circuit: an event arrives on the publisher's thread and culture.
        var culture = new CircuitCulture();
        _relevant = relevant;
        _throttle = new RenderThrottle(() => invokeAsync(() => culture.RunAsync(() => update(Take()))), interval, clock);
        _subscription = events.Subscribe(OnEvents);
    }

    /// <summary>Starts following; call from a component's OnInitialized when it renders interactively, dispose with it.</summary>
    public static LiveCaseFeed Follow(
        ICaseEventStream events, Func<CaseEvent, bool> relevant, Func<IReadOnlyList<CaseEvent>, Task> update,
        Func<Func<Task>, Task> invokeAsync, TimeSpan interval, TimeProvider clock) =>
        new(events, relevant, update, invokeAsync, interval, clock);

    private void OnEvents(IReadOnlyList<CaseEvent> events)
    {
        var any = false;
        lock (_gate)
        {
            foreach (var e in events.Where(_relevant))
            {
                _pending.Add(e);
                any = true;
            }
        }
        if (any) _throttle.Notify();
    }

    private List<CaseEvent> Take()
    {
        lock (_gate)
        {
            var taken = _pending;
            _pending = [];
            return taken;
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _throttle.Dispose();
    }
}
