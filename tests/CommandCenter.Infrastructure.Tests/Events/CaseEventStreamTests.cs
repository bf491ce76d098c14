using System.Collections.Concurrent;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Events;

public sealed class CaseEventStreamTests
{
    [Fact]
    public async Task CommittedCommands_ArePublishedInOrder_WithTheCaseAfterThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var received = new ConcurrentQueue<CaseEvent>();
        using var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });

        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Community), database.Actor());
        await database.Cases.ExecuteAsync(id, new SuperviseCase("尽快"), database.Actor());

        Assert.Equal([CaseEventType.Reported, CaseEventType.Accepted, CaseEventType.Supervised], received.Select(e => e.Type));
        Assert.All(received, e => Assert.Equal(id, e.CaseId));
        Assert.Equal([1, 2, 3], received.Select(e => e.Sequence));
        var last = received.Last();
        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.Community, true, 3), (last.State, last.Level, last.IsSupervised, last.Version));
    }

    [Fact]
    public async Task RefusedCommand_PublishesNothing_AndADisposedSubscriptionHearsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var received = new ConcurrentQueue<CaseEvent>();
        var stream = (InProcessCaseEventStream)database.Events;
        var subscribersBefore = stream.SubscriberCount;
        var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });

        await Assert.ThrowsAsync<CaseCommandRejectedException>(() => database.Cases.ExecuteAsync(id, new SignCase(), database.Actor()));
        subscription.Dispose();
        await database.Cases.ExecuteAsync(id, new AcceptCase(), database.Actor());

        Assert.Empty(received);
        Assert.Equal(subscribersBefore, stream.SubscriberCount);
    }
}
