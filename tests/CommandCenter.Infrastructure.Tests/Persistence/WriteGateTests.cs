using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Tests.Persistence;

public sealed class WriteGateTests
{
    /// <summary>Whether one writer passes at a time (SQLite) or all at once (a server database), the sweep's hold applies.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BackgroundWrite_WaitsWhileASweepHoldsItOff_NormalWritesDoNot(bool serialise)
    {
        var gate = new WriteGate(serialise);
        var hold = gate.HoldBackgroundWrites();

        var background = gate.EnterAsync(CancellationToken.None, WritePriority.Background).AsTask();
        using (await gate.EnterAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5))) { }
        await Task.Delay(100);
        Assert.False(background.IsCompleted);

        hold.Dispose();
        using (await background.WaitAsync(TimeSpan.FromSeconds(5))) { }
    }

    [Fact]
    public async Task OnAServerDatabase_WritesPassAtOnce()
    {
        var gate = new WriteGate(serialise: false);
        using (await gate.EnterAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5)))
        using (await gate.EnterAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5))) { }
    }

    [Fact]
    public async Task OverlappingHolds_KeepBackgroundWritesWaitingUntilTheLastEnds()
    {
        var gate = new WriteGate(serialise: true);
        var first = gate.HoldBackgroundWrites();
        var second = gate.HoldBackgroundWrites();

        var background = gate.EnterAsync(CancellationToken.None, WritePriority.Background).AsTask();
        first.Dispose();
        first.Dispose();
        await Task.Delay(100);
        Assert.False(background.IsCompleted);

        second.Dispose();
        using (await background.WaitAsync(TimeSpan.FromSeconds(5))) { }
        using (await gate.EnterAsync(CancellationToken.None, WritePriority.Background).AsTask().WaitAsync(TimeSpan.FromSeconds(5))) { }
    }

    [Fact]
    public async Task WaitingBackgroundWrite_CanBeCancelled()
    {
        var gate = new WriteGate(serialise: true);
        using var hold = gate.HoldBackgroundWrites();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token, WritePriority.Background).AsTask());
    }
}
