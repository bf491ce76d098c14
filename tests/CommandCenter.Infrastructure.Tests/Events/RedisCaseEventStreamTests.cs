using System.Collections.Concurrent;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommandCenter.Infrastructure.Tests.Events;

/// <summary>Two "servers" on one real Redis: each batch reaches the subscribers of both, once.</summary>
public sealed class RedisCaseEventStreamTests
{
    [Fact]
    public async Task BatchPublishedOnOneServer_IsDeliveredOnceToTheSubscribersOfBoth()
    {
        using var redis = LocalRedis.Start();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var serverA = Stream(connectionA);
        using var serverB = Stream(connectionB);
        var (onA, onB) = (new ConcurrentQueue<CaseEvent>(), new ConcurrentQueue<CaseEvent>());
        using var subscriptionA = serverA.Subscribe(batch => { foreach (var e in batch) onA.Enqueue(e); });
        using var subscriptionB = serverB.Subscribe(batch => { foreach (var e in batch) onB.Enqueue(e); });
        var fromA = Event("CT-20261124-0001");
        var fromB = Event("CT-20261124-0002");

        serverA.Publish([fromA]);
        serverB.Publish([fromB]);
        for (var i = 0; i < 100 && (onA.Count < 2 || onB.Count < 2); i++) await Task.Delay(50);
        await Task.Delay(300);

        Assert.Equal([fromA.Number, fromB.Number], onA.Select(e => e.Number).Order());
        Assert.Equal([fromA.Number, fromB.Number], onB.Select(e => e.Number).Order());
        Assert.Equal(fromA, onB.Single(e => e.Number == fromA.Number));
    }

    [Fact]
    public async Task DirectoryChangeAnnouncedOnOneServer_ReachesTheOtherOnly()
    {
        using var redis = LocalRedis.Start();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var serverA = Stream(connectionA);
        using var serverB = Stream(connectionB);
        var (onA, onB, caseEvents) = (0, 0, 0);
        using var subscriptionA = serverA.SubscribeToDirectoryChangesElsewhere(() => Interlocked.Increment(ref onA));
        using var subscriptionB = serverB.SubscribeToDirectoryChangesElsewhere(() => Interlocked.Increment(ref onB));
        using var caseSubscription = serverB.Subscribe(_ => Interlocked.Increment(ref caseEvents));

        serverA.AnnounceDirectoryChange();
        for (var i = 0; i < 100 && Volatile.Read(ref onB) == 0; i++) await Task.Delay(50);
        await Task.Delay(300);

        Assert.Equal((0, 1, 0), (onA, onB, caseEvents));
    }

    /// <summary>
    /// What the other server published while Redis was away is lost, so its return must be announced, once,
    /// and only when the channel carries messages again: a batch published right after the announcement arrives.
    /// </summary>
    [Fact]
    public async Task RedisKilledAndRestarted_TheResumeIsAnnouncedOnce_WhenTheChannelWorksAgain()
    {
        using var redis = LocalRedis.Start();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},abortConnect=false");
        using var serverA = Stream(connectionA);
        using var serverB = Stream(connectionB);
        var resumes = 0;
        var onB = new ConcurrentQueue<CaseEvent>();
        using var resumeSubscription = serverB.SubscribeToResumes(() => Interlocked.Increment(ref resumes));
        using var subscriptionB = serverB.Subscribe(batch => { foreach (var e in batch) onB.Enqueue(e); });

        redis.Kill();
        for (var i = 0; i < 200 && connectionB.IsConnected; i++) await Task.Delay(50);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Volatile.Read(ref resumes));

        redis.Restart();
        for (var i = 0; i < 600 && Volatile.Read(ref resumes) == 0; i++) await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref resumes));
        var afterwards = Event("CT-20261124-0003");
        for (var i = 0; i < 100 && onB.IsEmpty; i++)
        {
            if (i % 20 == 0) serverA.Publish([afterwards]);
            await Task.Delay(50);
        }
        Assert.Contains(onB, e => e.Number == afterwards.Number);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Volatile.Read(ref resumes));
    }

    private static RedisCaseEventStream Stream(IConnectionMultiplexer connection) =>
        new(connection, Options.Create(new EventsOptions()), NullLoggerFactory.Instance);

    private static CaseEvent Event(string number) => new(
        Guid.NewGuid(), number, 1, 1, CaseEventType.Reported, null, CaseState.Reported, HandlingLevel.Courtyard, Urgency.Urgent,
        "0101", Channel.ResidentQr, new StreetId(1), new CommunityId(2), new CourtyardId(3), null, ActSource.Console, new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc), false, null, null, null, StageTimes.None, null);
}
