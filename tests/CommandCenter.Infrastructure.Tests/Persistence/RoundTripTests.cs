using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Persistence;

public sealed class RoundTripTests
{
    [Theory, TestedProviders]
    public async Task CrossAgencyCase_SavedAndReloaded_KeepsTimelinePartsAndRequest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var departments = database.Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment).Take(3).ToList();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var photo = new StoredPhoto { Id = Guid.NewGuid(), Content = [1, 2, 3], ContentType = "image/jpeg", Sha256 = "test" };
        await using (var db = database.NewContext())
        {
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
        }
        var attachment = Attachment.OfPhoto(photo.Id, "image/jpeg", 1);

        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.District, "涉及多部门"), database.Actor());
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Cases.ExecuteAsync(id, new DispatchCase(departments[0].Id, [departments[1].Id, departments[2].Id]), database.Actor());
        await database.Cases.ExecuteAsync(id, new SignCase(), database.Actor("DepartmentLiaison"));
        await database.Cases.ExecuteAsync(id, new AddProgress("已到现场", [photo.Id]), database.Actor("DepartmentLiaison"));
        await database.Cases.ExecuteAsync(id, new ClosePart(departments[1].Id, "管线已修复"), database.Actor("DepartmentLiaison") with { UnitId = departments[1].Id });
        await database.Cases.ExecuteAsync(id, new RequestDeferral("需要专项资金", database.Clock.GetUtcNow().UtcDateTime.AddDays(30)), database.Actor("DepartmentLiaison"));

        var detail = await database.Queries.DetailAsync(TestDatabase.Everyone, id);

        Assert.NotNull(detail);
        Assert.Equal(CaseState.InProgress, detail.State);
        Assert.Equal(HandlingLevel.District, detail.Level);
        Assert.Equal(departments[0].Id, detail.Handling.CurrentUnitId);
        Assert.Equal(
            [CaseEventType.Reported, CaseEventType.Accepted, CaseEventType.Dispatched, CaseEventType.Signed,
             CaseEventType.ProgressNoted, CaseEventType.PartClosed, CaseEventType.DeferralRequested],
            detail.Timeline.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 7), detail.Timeline.Select(e => e.Sequence));
        Assert.Equal([attachment], detail.Timeline[4].Attachments);
        Assert.Equal("涉及多部门", detail.Timeline[1].Note);
        Assert.Equal(CaseState.PendingDispatch, detail.Timeline[2].FromState);
        Assert.Equal(TestDatabase.Start.UtcDateTime.AddMinutes(5), detail.Timeline[2].OccurredAtUtc);
        Assert.Equal(DateTimeKind.Utc, detail.Timeline[2].OccurredAtUtc.Kind);
        Assert.Equal(3, detail.Parts.Count);
        Assert.True(detail.Parts.Single(p => p.UnitId == departments[1].Id).IsClosed);
        Assert.Equal("管线已修复", detail.Parts.Single(p => p.UnitId == departments[1].Id).Result);
        Assert.Equal(RequestKind.Deferral, detail.PendingRequest?.Kind);
        Assert.Equal(7, detail.Version);
        Assert.DoesNotContain(CaseCommand.ReportDone, detail.AllowedCommands);
    }

    [Theory, TestedProviders]
    public async Task ClosingTheLastPart_AllowsReportDone_AndTheLeadsPartClosesWithIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var departments = database.Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment).Take(3).ToList();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.District), database.Actor());
        await database.Cases.ExecuteAsync(id, new DispatchCase(departments[0].Id, [departments[1].Id, departments[2].Id]), database.Actor());
        await database.Cases.ExecuteAsync(id, new SignCase(), database.Actor());
        await database.Cases.ExecuteAsync(id, new ClosePart(departments[1].Id, "完成"), database.Actor() with { UnitId = departments[1].Id });
        await database.Cases.ExecuteAsync(id, new ClosePart(departments[2].Id, "完成"), database.Actor() with { UnitId = departments[2].Id });

        await database.Cases.ExecuteAsync(id, new ReportDone("三部门联合处置完毕"), database.Actor());

        var detail = await database.Queries.DetailAsync(TestDatabase.Everyone, id);
        Assert.Equal(CaseState.PendingVerification, detail!.State);
        Assert.All(detail.Parts, p => Assert.True(p.IsClosed));
    }

    [Theory, TestedProviders]
    public async Task Timeline_HasNoUpdateOrDeletePath_RowsOnlyGrow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await using var db = database.NewContext();
        var first = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.CaseId == id);

        await database.Cases.ExecuteAsync(id, new AcceptCase(), database.Actor());
        await database.Cases.ExecuteAsync(id, new SuperviseCase("尽快"), database.Actor());

        var events = await db.TimelineEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(3, events.Count);
        Assert.Equivalent(first, events[0]);
    }
}
