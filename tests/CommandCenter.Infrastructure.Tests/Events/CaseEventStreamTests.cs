using System.Collections.Concurrent;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task AnyWriteThroughAContext_IsPublishedOnlyAfterItsTransactionCommits()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var received = new ConcurrentQueue<CaseEvent>();
        using var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });

        await SuperviseInATransactionAsync(database, id, commit: true, beforeCommit: () => Assert.Empty(received));

        Assert.Equal([CaseEventType.Supervised], received.Select(e => e.Type));
    }

    [Fact]
    public async Task RolledBackTransaction_PublishesNothing_AndItsContextStartsCleanNextTime()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var received = new ConcurrentQueue<CaseEvent>();
        using var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });

        await SuperviseInATransactionAsync(database, id, commit: false);
        await database.Cases.ExecuteAsync(id, new AcceptCase(), database.Actor());

        Assert.Equal([CaseEventType.Accepted], received.Select(e => e.Type));
        Assert.Equal(2, received.Single().Sequence);
    }

    [Fact]
    public async Task FailedSave_PublishesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var received = new ConcurrentQueue<CaseEvent>();
        using var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        var theirs = await second.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        theirs.Supervise("他们先到", null, database.Actor().Actor, now);
        await second.SaveChangesAsync();
        mine.Supervise("我们晚了", null, database.Actor().Actor, now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        // Only the save that was committed: one Supervised event, sequence 2, once.
        Assert.Equal([(CaseEventType.Supervised, 2)], received.Select(e => (e.Type, e.Sequence)));
    }

    [Fact]
    public async Task LoadedHistory_IsNotPublished()
    {
        await using var database = await TestDatabase.CreateAsync();
        var received = new ConcurrentQueue<CaseEvent>();
        using var subscription = database.Events.Subscribe(batch => { foreach (var e in batch) received.Enqueue(e); });

        await using var db = database.NewContext();
        await database.Seeder.SeedCasesAsync(db, DemoStreet.Build(), 20);

        Assert.Empty(received);
        await using var check = database.NewContext();
        Assert.Equal(20, await check.Cases.CountAsync());
    }

    /// <summary>A write outside every service, straight through a context: the interceptor alone decides what is published.</summary>
    private static async Task SuperviseInATransactionAsync(TestDatabase database, Guid id, bool commit, Action? beforeCommit = null)
    {
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var @case = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        @case.Supervise("尽快", null, database.Actor().Actor, database.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        beforeCommit?.Invoke();
        // Disposed without a commit, the transaction rolls back.
        if (commit) await transaction.CommitAsync();
    }
}
