using System.Net;
using System.Text;
using System.Text.Json;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.LocalServers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Tests.Notices;

public sealed class NoticeWorkerTests
{
    // The test database's clock starts at 09:00 China time; these quiet hours are off then.
    private static NoticeOptions Settings(Action<NoticeOptions>? change = null)
    {
        var options = new NoticeOptions
        {
            QuietHoursStart = "22:00", QuietHoursEnd = "07:00", MaxAttempts = 3,
            FirstRetryDelay = TimeSpan.FromSeconds(10), LongestRetryDelay = TimeSpan.FromMinutes(5),
        };
        change?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task FailingGateway_IsRetriedWithBackoff_ThenDeadLettered_AndAnAdministratorCanSendItAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await QueueAsync(database, urgent: true);
        var gateway = new RecordingGateway { Failing = true };
        var worker = Worker(database, gateway, Settings());

        await worker.RunOnceAsync();
        var first = await NoticeAsync(database, id);
        Assert.Equal((NoticeState.Pending, 1), (first.State, first.Attempts));
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), first.DueAtUtc);

        Assert.Equal(0, await worker.RunOnceAsync());
        database.Clock.Advance(TimeSpan.FromSeconds(10));
        await worker.RunOnceAsync();
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddSeconds(20), (await NoticeAsync(database, id)).DueAtUtc);
        database.Clock.Advance(TimeSpan.FromSeconds(20));
        await worker.RunOnceAsync();

        var dead = await NoticeAsync(database, id);
        Assert.Equal((NoticeState.DeadLetter, 3), (dead.State, dead.Attempts));
        Assert.Equal(3, gateway.Received.Count);
        Assert.Contains("gateway down", dead.LastError);
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await worker.RunOnceAsync());

        Assert.True(await database.Service<NoticeAdministration>().ResendAsync(database.Actor("Administrator"), id));
        gateway.Failing = false;
        await worker.RunOnceAsync();
        Assert.Equal(NoticeState.Sent, (await NoticeAsync(database, id)).State);
        Assert.Single(gateway.Received.Select(m => m.Key).Distinct());
    }

    [Fact]
    public async Task QuietHours_HoldANonUrgentNotice_UntilTheyEnd_WhileAnUrgentOneGoes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var waiting = await QueueAsync(database, urgent: false);
        var urgent = await QueueAsync(database, urgent: true);
        var gateway = new RecordingGateway();
        var worker = Worker(database, gateway, Settings(o => (o.QuietHoursStart, o.QuietHoursEnd) = ("08:00", "12:00")));

        await worker.RunOnceAsync();

        Assert.Equal(NoticeState.Sent, (await NoticeAsync(database, urgent)).State);
        var held = await NoticeAsync(database, waiting);
        Assert.Equal((NoticeState.Pending, 0), (held.State, held.Attempts));
        Assert.Equal(new DateTime(2026, 11, 22, 4, 0, 0, DateTimeKind.Utc), held.DueAtUtc);
        Assert.Single(gateway.Received);

        database.Clock.Advance(TimeSpan.FromHours(3));
        await worker.RunOnceAsync();
        Assert.Equal(NoticeState.Sent, (await NoticeAsync(database, waiting)).State);
    }

    [Fact]
    public async Task RateLimit_HoldsARecipientsThirdNotice_ForTheWindow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await QueueAsync(database, urgent: true));
        var gateway = new RecordingGateway();
        var worker = Worker(database, gateway, Settings(o => (o.RatePerRecipient, o.RateWindow) = (2, TimeSpan.FromMinutes(10))));

        await worker.RunOnceAsync();

        Assert.Equal(2, gateway.Received.Count);
        var held = await NoticeAsync(database, ids[2]);
        Assert.Equal(NoticeState.Pending, held.State);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), held.DueAtUtc);
    }

    [Fact]
    public async Task ClaimedByAWorkerThatDied_IsClaimedAgainWhenTheLeaseLapses_WithTheSameKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await QueueAsync(database, urgent: true);
        var settings = Settings();
        await using (var db = database.NewContext())
            await db.Notices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NoticeState.Sending)
                .SetProperty(n => n.DueAtUtc, database.Clock.GetUtcNow().UtcDateTime + settings.ClaimLease));
        var gateway = new RecordingGateway();
        var worker = Worker(database, gateway, settings);

        Assert.Equal(0, await worker.RunOnceAsync());
        database.Clock.Advance(settings.ClaimLease);
        await worker.RunOnceAsync();

        Assert.Equal(NoticeState.Sent, (await NoticeAsync(database, id)).State);
        Assert.Equal((await NoticeAsync(database, id)).Key, Assert.Single(gateway.Received).Key);
    }

    [Theory, TestedProviders]
    public async Task TwoWorkersOnOneOutbox_ClaimOverlappingBatchesAtOnce_WithoutADeadlock_AndSendEachNoticeOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var gateway = new RecordingGateway();
        // Small batches, so both workers claim again and again from the same due rows.
        var settings = Settings(o => (o.BatchSize, o.RatePerRecipient) = (40, 10_000));
        NoticeWorker[] workers = [Worker(database, gateway, settings), Worker(database, gateway, settings)];
        var random = new Random(18);

        for (var round = 0; round < 8; round++)
        {
            // Notices keep arriving while the workers send, due in another order than their ids, as retries and held notices are.
            var arriving = Task.Run(async () =>
            {
                for (var chunk = 0; chunk < 12; chunk++) await QueueManyAsync(database, 25, random);
            });
            // A deadlock or a serialization failure would throw out of RunOnceAsync and fail the round.
            await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
            {
                while (await worker.RunOnceAsync() > 0 || !arriving.IsCompleted || await AnyDueAsync(database)) { }
            })).Append(arriving));
        }

        await using var db = database.NewContext();
        var notices = await db.Notices.AsNoTracking().ToListAsync();
        Assert.Equal(8 * 12 * 25, notices.Count);
        Assert.All(notices, n => Assert.Equal((NoticeState.Sent, 1), (n.State, n.Attempts)));
        Assert.Equal(notices.Select(n => n.Key).Order(), gateway.Received.Select(m => m.Key).Order());
    }

    [Fact]
    public async Task HttpGateway_PostsTheConfiguredBody_WithCredentialsAndTheIdempotencyKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await QueueAsync(database, urgent: true, text: "案件\"CT-1\"已派遣");
        var port = LoopbackPort.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/sms/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = (Body: await reader.ReadToEndAsync(), Key: context.Request.Headers["Idempotency-Key"],
                Authorization: context.Request.Headers["Authorization"], context.Request.ContentType, context.Request.HttpMethod);
            context.Response.StatusCode = 200;
            context.Response.Close();
            return request;
        });
        var settings = Settings(o => o.Http = new HttpGatewayOptions
        {
            Url = $"http://127.0.0.1:{port}/sms/send", UserName = "street", Password = "s3cret",
            BodyTemplate = """{"msgId":"{key}","mobile":"{phone}","content":"{text}","type":"{kind}"}""",
        });
        using var http = new HttpClient();
        var worker = Worker(database, new HttpNoticeGateway(http, Options.Create(settings)), settings);

        await worker.RunOnceAsync();

        var request = await received.WaitAsync(TimeSpan.FromSeconds(10));
        var notice = await NoticeAsync(database, id);
        Assert.Equal("POST", request.HttpMethod);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(notice.Key.ToString(), request.Key);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("street:s3cret")), request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(notice.Key.ToString(), body.RootElement.GetProperty("msgId").GetString());
        Assert.Equal("13900000000", body.RootElement.GetProperty("mobile").GetString());
        Assert.Equal("案件\"CT-1\"已派遣", body.RootElement.GetProperty("content").GetString());
        Assert.Equal("Dispatched", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(NoticeState.Sent, notice.State);
    }

    [Fact]
    public async Task HttpGateway_ErrorStatus_IsAFailedTry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await QueueAsync(database, urgent: true);
        var port = LoopbackPort.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = 503;
            context.Response.Close();
        });
        var settings = Settings(o => o.Http = new HttpGatewayOptions { Url = $"http://127.0.0.1:{port}/" });
        using var http = new HttpClient();

        await Worker(database, new HttpNoticeGateway(http, Options.Create(settings)), settings).RunOnceAsync();

        var notice = await NoticeAsync(database, id);
        Assert.Equal((NoticeState.Pending, 1), (notice.State, notice.Attempts));
        Assert.Contains("503", notice.LastError);
    }

    private static NoticeWorker Worker(TestDatabase database, INoticeGateway gateway, NoticeOptions settings) =>
        new(database.Service<IDbContextFactory<CommandCenterDbContext>>(), database.Service<UnitOfWork>(), gateway, Options.Create(settings), database.Clock, NullLogger<NoticeWorker>.Instance);

    private static async Task<long> QueueAsync(TestDatabase database, bool urgent, string text = "测试通知")
    {
        await using var db = database.NewContext();
        var notice = new Notice
        {
            Kind = NoticeKind.Dispatched, RecipientName = "李四", Phone = "13900000000", Text = text, IsUrgent = urgent,
            CreatedAtUtc = database.Clock.GetUtcNow().UtcDateTime, DueAtUtc = database.Clock.GetUtcNow().UtcDateTime,
        };
        db.Notices.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private static async Task QueueManyAsync(TestDatabase database, int count, Random random)
    {
        await using var db = database.NewContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        db.Notices.AddRange(Enumerable.Range(0, count).Select(i => new Notice
        {
            Kind = NoticeKind.Dispatched, RecipientName = "李四", Phone = $"139{i:D8}", Text = "测试通知", IsUrgent = true,
            CreatedAtUtc = now, DueAtUtc = now - TimeSpan.FromSeconds(random.Next(3600)),
        }));
        await db.SaveChangesAsync();
    }

    private static async Task<bool> AnyDueAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Notices.AnyAsync(n => n.State == NoticeState.Pending);
    }

    private static async Task<Notice> NoticeAsync(TestDatabase database, long id)
    {
        await using var db = database.NewContext();
        return await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private sealed class RecordingGateway : INoticeGateway
    {
        public bool Failing { get; set; }
        public List<NoticeMessage> Received { get; } = [];

        public Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
        {
            lock (Received) Received.Add(message);
            return Failing ? Task.FromException(new InvalidOperationException("gateway down")) : Task.CompletedTask;
        }
    }
}
