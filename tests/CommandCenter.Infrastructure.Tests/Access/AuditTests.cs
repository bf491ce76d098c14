using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Access;

/// <summary>Every command is audited with its actor and source, the record cannot be rewritten, and reveals are logged.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Post PostOf(AccessRole role, ActSource source, Func<Staff, bool>? where = null) =>
        _database.Directory.PostOf(_database.Directory.Staff.First(s => s.Role == role && (where?.Invoke(s) ?? true)), source);

    [Fact]
    public async Task EachCommandSource_IsAudited_WithThePersonAndTheirUnit()
    {
        var dispatcher = PostOf(AccessRole.Dispatcher, ActSource.Console);
        var company = _database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var property = PostOf(AccessRole.PropertyStaff, ActSource.Phone, s => s.UnitId == company.Id);
        var id = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), dispatcher.Via(ActSource.Api))).Id;
        await _database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), dispatcher);
        await _database.Cases.ExecuteAsync(id, new DispatchCase(company.Id), dispatcher);
        await _database.Cases.ExecuteAsync(id, new SignCase(), property);
        await _database.Cases.ExecuteAsync(id, new ReportDone("已清运"), property);
        await _database.Cases.ExecuteAsync(id, new VerifyCase(true), dispatcher);
        await _database.Cases.ExecuteAsync(id, new RateCase(Rating.Satisfied), Post.Resident(ActSource.Public, id));

        var entries = (await _database.Service<AuditLog>().QueryAsync(new AuditQuery { CaseId = id })).Items.Reverse().ToList();

        Assert.Equal(
            [("Reported", ActSource.Api), ("Accepted", ActSource.Console), ("Dispatched", ActSource.Console), ("Signed", ActSource.Phone), ("ReportedDone", ActSource.Phone), ("VerificationPassed", ActSource.Console), ("Rated", ActSource.Public)],
            entries.Select(e => (e.Action, e.Source)).Take(7).ToList());
        Assert.All(entries.Where(e => e.Source is ActSource.Console or ActSource.Api), e => Assert.Equal((dispatcher.StaffId, AccessRole.Dispatcher), (e.StaffId, e.ActorRole)));
        Assert.All(entries.Where(e => e.Source == ActSource.Phone), e => Assert.Equal((property.StaffId, company.Id), (e.StaffId, e.UnitId)));
        var byPerson = await _database.Service<AuditLog>().QueryAsync(new AuditQuery { StaffId = property.StaffId, Source = ActSource.Phone });
        Assert.Equal(2, byPerson.TotalCount);
    }

    /// <summary>
    /// A person with two community posts acts in the second (docs/decisions/0016): the case's timeline event and an audit
    /// entry both name post 2, and the log reads the number back from either.
    /// </summary>
    [Fact]
    public async Task ActsInASecondPost_AreAuditedWithThatPostsNumber()
    {
        var admin = PostOf(AccessRole.Administrator, ActSource.Console);
        var (first, second) = (_database.Directory.Communities.First(), _database.Directory.Communities.Skip(1).First());
        var courtyard = _database.Directory.Courtyards.First(c => c.CommunityId == second.Id);
        var people = _database.Service<PeopleAdministration>();
        var added = await people.AddAsync(new NewStaff("两岗人员", "13900004321", AccessRole.CommunityStaff, null, first.Id, null, null, null), admin);
        var number = await people.AddPostAsync(added.Id, new NewPost(AccessRole.CommunityStaff, null, second.Id, null, null), admin);
        var inSecond = _database.Directory.PostOf(_database.Directory.StaffMember(added.Id)!, ActSource.Console, number);

        var reported = await _database.Cases.ReportAsync(_database.Report(courtyardId: courtyard.Id), inSecond);
        await _database.Service<UnitOfWork>().WriteAsync(db => db.AuditEntries.Add(
            AuditLog.EntryOf(inSecond, AuditActions.PersonalDataRevealed, _database.Clock.GetUtcNow().UtcDateTime, reported.Id)), CancellationToken.None);

        var entries = (await _database.Service<AuditLog>().QueryAsync(new AuditQuery { StaffId = added.Id })).Items;
        Assert.Equal(2, number);
        Assert.Equal(
            new (string, int?, bool)[] { (AuditActions.PersonalDataRevealed, 2, false), ("Reported", 2, true) },
            entries.OrderBy(e => e.FromTimeline).Select(e => (e.Action, e.PostNumber, e.FromTimeline)));
    }

    /// <summary>A detail longer than its column is cut with "…" rather than failing, on a server database, the change it audits.</summary>
    [Fact]
    public void AnOverlongDetail_IsCutToItsColumn()
    {
        var entry = AuditLog.EntryOf(_database.Actor("Administrator"), AuditActions.DecisionRightsUpdated, DateTime.UtcNow, detail: new string('x', AuditEntry.MaxDetailLength + 1));
        var fitting = AuditLog.EntryOf(_database.Actor("Administrator"), AuditActions.DecisionRightsUpdated, DateTime.UtcNow, detail: new string('x', AuditEntry.MaxDetailLength));

        Assert.Equal((AuditEntry.MaxDetailLength, '…'), (entry.Detail!.Length, entry.Detail[^1]));
        Assert.Equal(new string('x', AuditEntry.MaxDetailLength), fitting.Detail);
    }

    [Fact]
    public async Task TimerActs_AreAuditedAsTheTimer()
    {
        var system = Post.System(ActSource.Console);
        var company = _database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var id = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), system)).Id;
        await _database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), system);
        await _database.Cases.ExecuteAsync(id, new DispatchCase(company.Id), system);

        _database.Clock.Advance(TimeSpan.FromDays(30));
        await _database.Service<DeadlineSweeper>().SweepAsync(CancellationToken.None);

        var timer = await _database.Service<AuditLog>().QueryAsync(new AuditQuery { CaseId = id, Source = DeadlineSweeper.Timer.Source });
        Assert.NotEmpty(timer.Items);
        Assert.All(timer.Items, e => Assert.Equal(("system", AccessRole.System), (e.ActorName, e.ActorRole)));
    }

    [Fact]
    public async Task TheTimelineAndTheAuditLog_CannotBeChangedOrDeleted()
    {
        var id = (await _database.Cases.ReportAsync(_database.Report(), Post.System(ActSource.Console))).Id;
        await _database.Service<PersonalDataReveal>().RevealAsync(PostOf(AccessRole.Dispatcher, ActSource.Console), id);

        await using (var db = _database.NewContext())
        {
            var entry = await db.AuditEntries.FirstAsync(e => e.CaseId == id);
            entry.Detail = "rewritten";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        await using (var db = _database.NewContext())
        {
            db.TimelineEvents.Remove(await db.TimelineEvents.FirstAsync(e => e.CaseId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = _database.NewContext())
        {
            Assert.Null(await db.AuditEntries.Where(e => e.CaseId == id).Select(e => e.Detail).FirstAsync());
            Assert.Equal(1, await db.TimelineEvents.CountAsync(e => e.CaseId == id));
        }
    }

    [Fact]
    public async Task AUnitsHandlingRecord_CannotBeChangedOrDeleted()
    {
        var system = Post.System(ActSource.Console);
        var company = _database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var id = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), system)).Id;
        await _database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), system);
        await _database.Cases.ExecuteAsync(id, new DispatchCase(company.Id), system);
        await _database.Cases.ExecuteAsync(id, new ReturnCase(ReturnReason.OwnershipUnclear, null), system);

        await using (var db = _database.NewContext())
        {
            db.HandlingRecords.Remove(await db.HandlingRecords.SingleAsync(r => r.CaseId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = _database.NewContext())
            Assert.Equal((company.Id, HandlingOutcome.Returned), await db.HandlingRecords.Where(r => r.CaseId == id).Select(r => ValueTuple.Create(r.UnitId, r.Outcome)).SingleAsync());
    }

    [Fact]
    public async Task Reveal_ShowsTheReporter_ToAPostThatMay_AndIsLogged()
    {
        var id = (await _database.Cases.ReportAsync(_database.Report() with { ReporterName = "王芳", ReporterPhone = "13812345678" }, Post.System(ActSource.Console))).Id;
        var dispatcher = PostOf(AccessRole.Dispatcher, ActSource.Console);
        var leader = PostOf(AccessRole.StreetLeader, ActSource.Console);
        var reveal = _database.Service<PersonalDataReveal>();

        Assert.Equal(("王*", "138****5678"), ((await _database.Queries.DetailAsync(dispatcher, id))!.Reporter.Name, (await _database.Queries.DetailAsync(dispatcher, id))!.Reporter.Phone));
        Assert.Equal(new Reporter("王芳", "13812345678"), await reveal.RevealAsync(dispatcher, id));
        await Assert.ThrowsAsync<AccessRefusedException>(() => reveal.RevealAsync(leader, id));

        var logged = await _database.Service<AuditLog>().QueryAsync(new AuditQuery { CaseId = id, StaffId = dispatcher.StaffId });
        Assert.Equal(AuditActions.PersonalDataRevealed, Assert.Single(logged.Items).Action);
    }
}
