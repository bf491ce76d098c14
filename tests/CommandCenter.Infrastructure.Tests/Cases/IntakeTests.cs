using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Cases;

public sealed class IntakeTests
{
    [Theory, TestedProviders]
    public async Task ReportAsync_ManyAtOnce_NumbersAreUniqueAndConsecutivePerDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => database.Cases.ReportAsync(database.Report(), database.Actor())));

        var day = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(
            Enumerable.Range(1, 40).Select(n => CaseNumber.Format(database.Directory.Streets.Single().Code, day, n)),
            created.Select(c => c.Number).Order());
    }

    [Fact]
    public async Task ReportAsync_CancelledWhileWaiting_IsNotStored_ButOnceItsTransactionBegan_TheCallerWaitsForIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var writing = new CancellationTokenSource();
        var waiting = new CancellationTokenSource();
        Task<Case> first, second;
        // Holding the write gate stops the writer inside the first report's transaction, with the second queued behind it.
        using (await database.Service<Infrastructure.Persistence.WriteGate>().EnterAsync(CancellationToken.None))
        {
            first = database.Cases.ReportAsync(database.Report(description: "先到的"), database.Actor(), writing.Token);
            await Task.Delay(200);
            second = database.Cases.ReportAsync(database.Report(description: "后到的"), database.Actor(), waiting.Token);
            await writing.CancelAsync();
            await waiting.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
            Assert.False(first.IsCompleted);
        }

        Assert.Equal("先到的", (await first).Description);
        await using var db = database.NewContext();
        Assert.Equal(["先到的"], await db.Cases.Select(c => c.Description).ToListAsync());
    }

    [Fact]
    public async Task AFacilityRetiredAfterTheEarlyCheck_RefusesItsReportInTheBatch_AndTheRestOfTheBatchIsStored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var courtyard = database.Directory.Courtyards.First();
        var street = database.Directory.StreetOf(courtyard)!;
        var lift = await database.Service<CourtyardLists>().AddFacilityAsync(
            database.Actor(), courtyard.Id, new FacilityInput(FacilityKind.Lift, 1, "3栋1单元电梯"));
        var intake = database.Service<IntakeWriter>();
        IntakeWriter.Report Report(string description) => (number, nowUtc, attachments, named) => Case.Report(
            number, street.Id, Channel.Hotline, database.Directory.Category("0101")!, Domain.Categories.Urgency.Normal, courtyard, null, description, null,
            null, null, database.Actor().Actor, nowUtc, database.Service<DeadlineRulesProvider>().Rules, attachments, named);
        Task<Case> Write(string description, FacilityId? facility) => intake.WriteAsync(
            new IntakePlace(street.Code, courtyard.Id, facility, Channel.Hotline), Report(description), CaseEnclosures.None, CancellationToken.None);

        Task<Case>[] written;
        // With the write gate held the reports wait for their transaction, each past the caller's early check (the lift was on
        // the list); the writer holds at most the first alone, so the lift's report shares its batch with another.
        using (await database.Service<WriteGate>().EnterAsync(CancellationToken.None))
        {
            written = [Write("门口垃圾", null), Write("电梯困人", new FacilityId(lift)), Write("楼道堆物", null), Write("路灯不亮", null)];
            await using var db = database.NewContext();
            (await db.Facilities.SingleAsync(f => f.Id == lift)).Retire(ArchiveSource.ResidentBook, database.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var refusal = await Assert.ThrowsAsync<DomainValidationException>(() => written[1]);
        Assert.Equal(("ReportedFacilityRetired", "facilityId"), (refusal.Code, refusal.Field));
        var stored = await Task.WhenAll(written[0], written[2], written[3]);
        var day = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        // The counter numbers only what is stored: the refused report spends no number.
        Assert.Equal(Enumerable.Range(1, 3).Select(n => CaseNumber.Format(street.Code, day, n)), stored.Select(c => c.Number));
        await using var read = database.NewContext();
        Assert.Equal(["门口垃圾", "楼道堆物", "路灯不亮"], await read.Cases.OrderBy(c => c.Number).Select(c => c.Description).ToListAsync());
        Assert.False(await read.Cases.AnyAsync(c => c.FacilityId != null));
        Assert.Equal(3, await read.TimelineEvents.Select(e => e.CaseId).Distinct().CountAsync());
    }

    [Theory, TestedProviders]
    public async Task ReportAsync_RefusedReport_SpendsNoNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);

        var first = await database.Cases.ReportAsync(database.Report(), database.Actor());
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            database.Cases.ReportAsync(database.Report(description: new string('长', CaseDescription.MaxLength + 1)), database.Actor()));
        var second = await database.Cases.ReportAsync(database.Report(), database.Actor());

        Assert.EndsWith("-0001", first.Number);
        Assert.EndsWith("-0002", second.Number);
    }

    [Theory, TestedProviders]
    public async Task ReportAsync_NextChinaDay_StartsAgainAtOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        await database.Cases.ReportAsync(database.Report(), database.Actor());

        database.Clock.Advance(TimeSpan.FromDays(1));
        var next = await database.Cases.ReportAsync(database.Report(), database.Actor());

        Assert.EndsWith("-0001", next.Number);
    }

    [Theory, TestedProviders]
    public async Task DuplicatesAsync_SameCourtyardAndCategoryWithin24h_AreOffered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var courtyards = database.Directory.Courtyards.Take(2).Select(c => c.Id).ToList();
        var old = await database.Cases.ReportAsync(database.Report(courtyardId: courtyards[0]), database.Actor());
        database.Clock.Advance(TimeSpan.FromHours(25));
        var recent = await database.Cases.ReportAsync(database.Report(courtyardId: courtyards[0]), database.Actor());
        await database.Cases.ReportAsync(database.Report(courtyardId: courtyards[1]), database.Actor());

        var duplicates = await database.Queries.DuplicatesAsync(TestDatabase.Everyone, courtyards[0], "0101");

        Assert.Equal([recent.Id], duplicates.Select(d => d.Id));
        Assert.DoesNotContain(old.Id, duplicates.Select(d => d.Id));
    }

    [Theory]
    [InlineData(AccessRole.GridWorker)]
    [InlineData(AccessRole.PropertyStaff)]
    [InlineData(AccessRole.MicroGridMember)]
    [InlineData(AccessRole.CommunityStaff)]
    [InlineData(AccessRole.DepartmentLiaison)]
    public async Task ReportAsync_OutsideThePostsScope_RefusedAndStoresNothing(AccessRole role)
    {
        await using var database = await TestDatabase.CreateAsync();
        var post = PostOf(database, role);
        var outside = database.Directory.Courtyards.First(c => !CaseScope.MayReportInto(post, c, database.Directory.StreetOf(c)!.Id));

        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() => database.Cases.ReportAsync(database.Report(courtyardId: outside.Id), post));

        Assert.Equal(AccessRefusal.OutOfScope, refused.Refusal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Theory]
    [InlineData(AccessRole.GridWorker)]
    [InlineData(AccessRole.PropertyStaff)]
    [InlineData(AccessRole.MicroGridMember)]
    [InlineData(AccessRole.CommunityStaff)]
    public async Task ReportAsync_InsideThePostsScope_TheReporterCanReadTheCase(AccessRole role)
    {
        await using var database = await TestDatabase.CreateAsync();
        var post = PostOf(database, role);

        var created = await database.Cases.ReportAsync(database.Report(courtyardId: database.Queries.ReportableCourtyards(post)[0].Id), post);

        Assert.NotNull(await database.Queries.DetailAsync(post, created.Id));
    }

    /// <summary>The first staff member of a role who has a unit, as the demo sign-ins pick them.</summary>
    private static Post PostOf(TestDatabase database, AccessRole role) =>
        database.Directory.PostOf(database.Directory.Staff.OrderBy(s => s.UnitId is null).ThenBy(s => s.Id).First(s => s.Role == role), ActSource.Api);

    [Fact]
    public async Task ReportAsync_UnknownCategory_StoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync();

        await Assert.ThrowsAsync<UnknownReferenceException>(() => database.Cases.ReportAsync(database.Report(categoryCode: "9999"), database.Actor()));

        await using var db = database.NewContext();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.CaseNumberCounters.CountAsync());
    }

    [Fact]
    public async Task RefusedCommand_LeavesTheStoredCaseExactlyAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var before = await database.Queries.DetailAsync(TestDatabase.Everyone, id);

        await Assert.ThrowsAsync<CaseCommandRejectedException>(() => database.Cases.ExecuteAsync(id, new SignCase(), database.Actor()));
        await Assert.ThrowsAsync<Domain.Common.DomainValidationException>(() => database.Cases.ExecuteAsync(id, new RejectCase(""), database.Actor()));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => database.Cases.ExecuteAsync(Guid.NewGuid(), new SignCase(), database.Actor()));

        Assert.Equivalent(before, await database.Queries.DetailAsync(TestDatabase.Everyone, id), strict: true);
    }

    [Fact]
    public async Task QueueAsync_FiltersSearchesSortsAndPagesInTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(demoCases: 400);

        var reported = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { State = CaseState.Closed, PageSize = 10, Page = 1 });
        var first = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { PageSize = 5 });
        var byNumber = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = first.Items[0].Number });
        var courtyard = database.Directory.Courtyards.First();
        var byCourtyardName = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = courtyard.Name, PageSize = 200 });

        Assert.True(reported.TotalCount > 10);
        Assert.Equal(10, reported.Items.Count);
        Assert.All(reported.Items, i => Assert.Equal(CaseState.Closed, i.State));
        Assert.Equal(first.Items.Select(i => i.ReportedAtUtc).OrderDescending(), first.Items.Select(i => i.ReportedAtUtc));
        Assert.Equal(first.Items[0].Id, Assert.Single(byNumber.Items).Id);
        Assert.All(byCourtyardName.Items, i => Assert.Equal(courtyard.Name, i.CourtyardName));
    }
}
