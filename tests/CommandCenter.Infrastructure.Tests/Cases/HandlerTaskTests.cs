using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Infrastructure.Tests.Images;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>The handler's phone on a real database: "my tasks", patrol courtyards, and photos written with their event.</summary>
public sealed class HandlerTaskTests
{
    private static readonly Post System = Post.System(ActSource.Console);

    [Fact]
    public async Task TasksAsync_OpenCasesOfTheUnit_NearestDeadlineFirst()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (company, staff) = PropertyCompany(database);
        var courtyard = company.ServedCourtyardIds[0];
        var signed = await DispatchedAsync(database, courtyard, company);
        await database.Cases.ExecuteAsync(signed.Id, new SignCase(), System);
        var done = await DispatchedAsync(database, courtyard, company);
        await database.Cases.ExecuteAsync(done.Id, new SignCase(), System);
        await database.Cases.ExecuteAsync(done.Id, new ReportDone("已修好"), System);
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var waiting = await DispatchedAsync(database, courtyard, company);
        var other = OtherCompanyServing(database, company);
        var elsewhere = await DispatchedAsync(database, other.ServedCourtyardIds[0], other);

        var tasks = await database.Queries.TasksAsync(database.Directory.PostOf(staff, ActSource.Phone));

        // Signing is measured in hours, handling in days: the case still to sign comes first.
        Assert.Equal([waiting.Id, signed.Id], tasks.Select(t => t.Case.Id));
        Assert.Equal(waiting.Clock.SignDeadlineUtc, tasks[0].DeadlineUtc);
        Assert.NotNull(tasks[1].DeadlineUtc);
        Assert.Null(tasks[0].WarningAtUtc);
        Assert.DoesNotContain(tasks, t => t.Case.Id == done.Id || t.Case.Id == elsewhere.Id);
    }

    [Fact]
    public async Task TasksAsync_GridWorker_SeesTheCommitteesCasesOfTheirOwnGridOnly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var directory = database.Directory;
        var (worker, mine, theirs) = directory.Staff.Where(s => s.Role == AccessRole.GridWorker)
            .Select(s => (Worker: s,
                Mine: directory.Courtyards.FirstOrDefault(c => c.GridId == s.GridId),
                Theirs: directory.Courtyards.FirstOrDefault(c => c.CommunityId == s.CommunityId && c.GridId != s.GridId)))
            .First(x => x.Mine is not null && x.Theirs is not null);
        var committee = directory.Unit(worker.UnitId!.Value)!;
        var inGrid = await DispatchedAsync(database, mine!.Id, committee);
        var outsideGrid = await DispatchedAsync(database, theirs!.Id, committee);

        var tasks = await database.Queries.TasksAsync(directory.PostOf(worker, ActSource.Phone));

        Assert.Contains(tasks, t => t.Case.Id == inGrid.Id);
        Assert.DoesNotContain(tasks, t => t.Case.Id == outsideGrid.Id);
    }

    [Fact]
    public async Task TasksAsync_PostWithoutUnit_HasNoTasks()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (company, _) = PropertyCompany(database);
        await DispatchedAsync(database, company.ServedCourtyardIds[0], company);

        Assert.Empty(await database.Queries.TasksAsync(System));
    }

    [Fact]
    public async Task ExecuteAsync_ProgressWithPhotos_StoresThePhotosWithTheEvent()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (company, staff) = PropertyCompany(database);
        var post = database.Directory.PostOf(staff, ActSource.Phone);
        var @case = await DispatchedAsync(database, company.ServedCourtyardIds[0], company);
        await database.Cases.ExecuteAsync(@case.Id, new SignCase(), post);
        var photos = await Store(database).PrepareAsync([Upload("IMG_0001.jpg"), Upload("IMG_0002.jpg")]);

        var taken = new CaseEnclosures(photos.Photos);
        await database.Cases.ExecuteAsync(@case.Id, new AddProgress("楼道杂物已清走一半", taken.PhotoIds), post, taken);

        var progress = (await database.Queries.DetailAsync(post, @case.Id))!.Timeline.Single(e => e.Type == CaseEventType.ProgressNoted);
        Assert.Equal(ActSource.Phone, progress.Source);
        Assert.Equal(photos.Photos.Select(p => StoredPhoto.PathOf(p.Id)), progress.Attachments.Select(a => a.Path));
        await using var db = database.NewContext();
        var stored = photos.Photos.Select(p => p.Id).ToList();
        Assert.Equal(2, await db.Photos.CountAsync(p => stored.Contains(p.Id)));
    }

    [Fact]
    public async Task ExecuteAsync_RefusedCommandWithPhotos_StoresNoPhoto()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (company, staff) = PropertyCompany(database);
        var post = database.Directory.PostOf(staff, ActSource.Phone);
        var unsigned = await DispatchedAsync(database, company.ServedCourtyardIds[0], company);
        var photos = await Store(database).PrepareAsync([Upload("IMG_0003.jpg")]);

        // Progress before signing: the state forbids it, and the photo goes nowhere.
        await Assert.ThrowsAsync<CaseCommandRejectedException>(() =>
            database.Cases.ExecuteAsync(unsigned.Id, new AddProgress("已到现场", [photos.Photos[0].Id]), post, new CaseEnclosures(photos.Photos)));

        await using var db = database.NewContext();
        Assert.False(await db.Photos.AnyAsync(p => p.Id == photos.Photos[0].Id));
    }

    [Fact]
    public async Task PrepareAsync_NotAPhoto_IsRefusedAndNamed()
    {
        await using var database = await TestDatabase.CreateAsync();

        var photos = await Store(database).PrepareAsync([Upload("ok.jpg"), new UploadedPhoto(new MemoryStream("<html>"u8.ToArray()), "note.jpg")]);

        Assert.Equal(PhotoRefusal.NotAnImage, photos.Refusal);
        Assert.Equal("note.jpg", photos.RefusedFileName);
        Assert.Empty(photos.Photos);
    }

    [Fact]
    public async Task ReportableCourtyards_FollowThePostsScope()
    {
        await using var database = await TestDatabase.CreateAsync();
        var directory = database.Directory;
        var (company, staff) = PropertyCompany(database);
        var communityStaff = directory.Staff.First(s => s.Role == AccessRole.CommunityStaff);
        var liaison = directory.Staff.First(s => s.Role == AccessRole.DepartmentLiaison);

        Assert.Equal(company.ServedCourtyardIds.Order(), database.Queries.ReportableCourtyards(directory.PostOf(staff, ActSource.Phone)).Select(c => c.Id));
        Assert.Equal(
            directory.Courtyards.Where(c => c.CommunityId == communityStaff.CommunityId).Select(c => c.Id).Order(),
            database.Queries.ReportableCourtyards(directory.PostOf(communityStaff, ActSource.Phone)).Select(c => c.Id));
        // A department sees only the cases it is sent: one it filed itself it could not read, so it files none.
        Assert.Empty(database.Queries.ReportableCourtyards(directory.PostOf(liaison, ActSource.Phone)));
    }

    private static (HandlingUnit Company, Staff Staff) PropertyCompany(TestDatabase database)
    {
        var staff = database.Directory.Staff.Where(s => s.Role == AccessRole.PropertyStaff).OrderBy(s => s.Id).First();
        return (database.Directory.Unit(staff.UnitId!.Value)!, staff);
    }

    private static HandlingUnit OtherCompanyServing(TestDatabase database, HandlingUnit company) =>
        database.Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && u.Id != company.Id && u.ServedCourtyardIds.Count > 0
            && !u.ServedCourtyardIds.Intersect(company.ServedCourtyardIds).Any());

    /// <summary>A case taken in and dispatched to <paramref name="unit"/> at the unit's own level, as the dispatch desk would.</summary>
    private static async Task<Case> DispatchedAsync(TestDatabase database, CourtyardId courtyardId, HandlingUnit unit)
    {
        var reported = await database.Cases.ReportAsync(database.Report("0102", courtyardId), System);
        await database.Cases.ExecuteAsync(reported.Id, new AcceptCase(unit.Level), System);
        return await database.Cases.ExecuteAsync(reported.Id, new DispatchCase(unit.Id), System);
    }

    private static PhotoStore Store(TestDatabase database) => new(TestPhotos.Processor(), database.Clock);

    private static UploadedPhoto Upload(string fileName) =>
        new(new MemoryStream(TestPhotos.Gradient(800, 600, SKEncodedImageFormat.Jpeg)), fileName);
}
