using CommandCenter.Web.Components.Controls;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The throttle on a fake clock moved by hand, so a slow machine cannot change what it sees.</summary>
public sealed class RenderThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly TimerCountingClock _clock = new();
    private int _renders;

    [Fact]
    public async Task Burst_OfAHundredNotifications_RendersAtOnceAndOnceMoreAtTheEnd()
    {
        using var throttle = Throttle();

        throttle.Notify();
        Assert.Equal(1, _renders);
        for (var i = 0; i < 100; i++) throttle.Notify();
        _clock.Advance(Interval / 2);
        Assert.Equal(1, _renders);
        _clock.Advance(Interval / 2);
        await WaitForAsync(() => _renders == 2);
        _clock.Advance(Interval * 5);

        Assert.Equal(2, _renders);
    }

    [Fact]
    public void AfterAQuietSpell_RendersAtOnceAgain()
    {
        using var throttle = Throttle();
        throttle.Notify();
        _clock.Advance(Interval);

        throttle.Notify();

        Assert.Equal(2, _renders);
    }

    [Fact]
    public void Disposed_RendersNothingMore()
    {
        var throttle = Throttle();
        throttle.Notify();

        throttle.Notify();
        throttle.Dispose();
        Assert.Equal(0, _clock.LiveTimers);
        _clock.Advance(Interval * 5);
        throttle.Notify();

        Assert.Equal(1, _renders);
    }

    private RenderThrottle Throttle() =>
        new(() => { Interlocked.Increment(ref _renders); return Task.CompletedTask; }, Interval, _clock);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
