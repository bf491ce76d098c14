using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// One clock for a whole screen: cascades the time to every <see cref="DeadlineText"/> below it,
/// so countdowns move together without a timer per row; a tick re-renders only those subscribers.
/// </summary>
public sealed partial class LiveClock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _ticking = Task.CompletedTask;
    private ClockReading _now = new(DateTime.MinValue);

    [Inject] public required TimeProvider Clock { get; init; }

    [Parameter] public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void OnInitialized() => _now = Read();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ticking = TickAsync(_stop.Token);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _now = Read();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private ClockReading Read() => new(Clock.GetUtcNow().UtcDateTime);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticking;
        _stop.Dispose();
    }
}
