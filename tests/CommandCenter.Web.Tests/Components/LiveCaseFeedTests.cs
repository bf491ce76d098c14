using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Tests.Wall;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The live helper every screen uses, on the real in-process stream and a clock moved by hand.</summary>
public sealed class LiveCaseFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly InProcessCaseEventStream _events = new(NullLogger<InProcessCaseEventStream>.Instance);
    private readonly TimerCountingClock _clock = new();
    private readonly Guid _followed = Guid.NewGuid();
    private readonly List<IReadOnlyList<CaseEvent>> _updates = [];
    private int _invokes;

    [Fact]
    public void Follow_EventsOfOtherCases_UpdateNothing()
    {
        using var feed = Follow();

        _events.Publish([Event(Guid.NewGuid()), Event(Guid.NewGuid())]);

        Assert.Empty(_updates);
    }

    [Fact]
    public async Task Burst_OfRelevantEvents_UpdatesAtOnce_ThenOnceWithTheRest()
    {
        using var feed = Follow();

        _events.Publish([Event(_followed, 1)]);
        for (var i = 2; i <= 11; i++) _events.Publish([Event(_followed, i), Event(Guid.NewGuid())]);
        Assert.Single(_updates);
        _clock.Advance(Interval);
        await WaitForAsync(() => _updates.Count == 2);

        Assert.Equal([1], _updates[0].Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(2, 10), _updates[1].Select(e => e.Sequence));
        Assert.Equal(2, _invokes);
    }

    [Fact]
    public void Disposed_Unsubscribes_AndUpdatesNothingMore()
    {
        var feed = Follow();
        _events.Publish([Event(_followed, 1)]);
        _events.Publish([Event(_followed, 2)]);

        feed.Dispose();
        _clock.Advance(Interval * 4);
        _events.Publish([Event(_followed, 3)]);

        Assert.Equal(0, _events.SubscriberCount);
        Assert.Equal(0, _clock.LiveTimers);
        Assert.Single(_updates);
    }

    private LiveCaseFeed Follow() => LiveCaseFeed.Follow(_events, e => e.CaseId == _followed, events =>
    {
        lock (_updates) _updates.Add(events);
        return Task.CompletedTask;
    }, work =>
    {
        Interlocked.Increment(ref _invokes);
        return work();
    }, Interval, _clock);

    private static CaseEvent Event(Guid caseId, int sequence = 1) => new(
        caseId, "CT-20261203-0001", sequence, sequence, CaseEventType.ProgressNoted, CaseState.InProgress, CaseState.InProgress,
        HandlingLevel.Courtyard, Urgency.Normal, "0101", Channel.Hotline, new StreetId(1), new CommunityId(1), new CourtyardId(1), new UnitId(1), ActSource.Phone,
        DateTime.UtcNow, DateTime.UtcNow, false, null, null, null, StageTimes.None, null);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
        Assert.True(condition());
    }
}
