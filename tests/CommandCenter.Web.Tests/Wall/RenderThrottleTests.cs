using CommandCenter.Web.Components.Controls;

namespace CommandCenter.Web.Tests.Wall;

public sealed class RenderThrottleTests
{
    [Fact]
    public async Task Burst_OfAHundredNotifications_RendersAtOnceAndOnceMoreAtTheEnd()
    {
        var renders = 0;
        using var throttle = new RenderThrottle(() => { Interlocked.Increment(ref renders); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(200));

        throttle.Notify();
        await WaitForAsync(() => renders == 1);
        for (var i = 0; i < 100; i++) throttle.Notify();
        await WaitForAsync(() => renders == 2);
        await Task.Delay(400);

        Assert.Equal(2, renders);
    }

    [Fact]
    public async Task Disposed_RendersNothingMore()
    {
        var renders = 0;
        var throttle = new RenderThrottle(() => { Interlocked.Increment(ref renders); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(200));
        throttle.Notify();
        await WaitForAsync(() => renders == 1);

        throttle.Notify();
        throttle.Dispose();
        await Task.Delay(400);

        Assert.Equal(1, renders);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
