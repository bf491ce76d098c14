using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Infrastructure.Tests.Notices;

/// <summary>
/// Two servers on one PostgreSQL and one Redis, each holding the templates in memory (docs/decisions/0019): an
/// edit on one is used by the next notice on both, without a restart.
/// </summary>
public sealed class NoticeTemplatesAcrossServersTests
{
    private const string Edited = "新案件{number}请签收";

    [Fact]
    public async Task TemplateEditedOnOneServer_IsUsedByTheNextNoticeOnItAndOnTheOther()
    {
        using var redis = LocalRedis.Start();
        await using var a = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql, settings: new Dictionary<string, string?>
        {
            ["Events:Provider"] = "Redis",
            ["Events:RedisConnectionString"] = redis.ConnectionString,
        });
        await using var b = await a.SecondServerAsync();
        // B's follower as the host starts it (the test host starts no hosted services, Quartz's among them).
        using var follower = ActivatorUtilities.CreateInstance<DirectoryFollower>(b.Service<IServiceProvider>());
        await follower.StartAsync(CancellationToken.None);
        var (onA, unitA) = await NoticeOutboxTests.PendingDispatchAsync(a);
        var (onB, unitB) = await NoticeOutboxTests.PendingDispatchAsync(b);
        Assert.Equal(0, b.Service<NoticeTemplates>().Current[NoticeKind.Dispatched].Revision);

        await a.Service<NoticeAdministration>().SaveTemplateAsync(a.Actor("Administrator"), NoticeKind.Dispatched, new(Edited, 0));

        // The editing server holds it when the write answers; the other once the announcement has come round Redis.
        Assert.Equal(1, a.Service<NoticeTemplates>().Current[NoticeKind.Dispatched].Revision);
        var onOther = await Eventually.HoldsAsync(() => Task.FromResult(b.Service<NoticeTemplates>().Current[NoticeKind.Dispatched]),
            t => t.Revision == 1, TimeSpan.FromSeconds(10));
        Assert.Equal((1, Edited), (onOther.Revision, onOther.Text));

        await a.Cases.ExecuteAsync(onA, new DispatchCase(unitA.Id), a.Actor());
        await b.Cases.ExecuteAsync(onB, new DispatchCase(unitB.Id), b.Actor());

        await using var db = a.NewContext();
        foreach (var id in new[] { onA, onB })
        {
            var number = await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
            var notices = await db.Notices.Where(n => n.CaseId == id).ToListAsync();
            Assert.NotEmpty(notices);
            Assert.All(notices, n => Assert.Equal(($"新案件{number}请签收", 1), (n.Text, n.TemplateRevision)));
        }
    }
}
