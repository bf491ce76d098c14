using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Organisation;

public sealed class PlaceAdministrationTests
{
    [Theory, TestedProviders]
    public async Task CommunityGridCourtyardAndBuilding_AreAddedAndEdited_AndAReportCanBeFiledThere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var places = database.Service<PlaceAdministration>();
        var admin = database.Actor("Administrator");

        var community = await places.SaveCommunityAsync(null, " 新建社区 ", admin);
        var grid = await places.SaveGridAsync(null, community.Id, "第一网格", admin);
        var courtyard = await places.SaveCourtyardAsync(null, new CourtyardInput("幸福小区", grid.Id, CourtyardKind.Commercial, 320, 30.66, 104.06), admin);
        var building = await places.SaveBuildingAsync(null, courtyard.Id, "1号楼", admin);
        await places.SaveCourtyardAsync(courtyard.Id, new CourtyardInput("幸福家园", grid.Id, CourtyardKind.Old, 360, 30.67, 104.07), admin);

        Assert.Equal("新建社区", database.Directory.CommunityName(community.Id));
        Assert.Equal(("幸福家园", CourtyardKind.Old, 360, community.Id), database.Directory.Courtyard(courtyard.Id) is { } c ? (c.Name, c.Kind, c.Homes, c.CommunityId) : default);
        Assert.Equal([building.Id], database.Directory.BuildingsOf(courtyard.Id).Select(b => b.Id));
        var reported = await database.Cases.ReportAsync(database.Report(courtyardId: courtyard.Id) with { BuildingId = building.Id }, database.Actor());
        Assert.Equal(community.Id, reported.CommunityId);
        await using var db = database.NewContext();
        Assert.Equal(5, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PlaceSaved));
    }

    [Theory, TestedProviders]
    public async Task BadPlace_IsRefusedNamingTheField_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var places = database.Service<PlaceAdministration>();
        var admin = database.Actor("Administrator");
        var grid = database.Directory.Courtyards.First().GridId;
        var courtyards = database.Directory.Courtyards.Count;

        Assert.Equal("homes", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            places.SaveCourtyardAsync(null, new CourtyardInput("幸福小区", grid, CourtyardKind.Old, -1, 30.6, 104.0), admin))).Field);
        Assert.Equal("location", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            places.SaveCourtyardAsync(null, new CourtyardInput("幸福小区", grid, CourtyardKind.Old, 10, 91, 104.0), admin))).Field);
        Assert.Equal("kind", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            places.SaveCourtyardAsync(null, new CourtyardInput("幸福小区", grid, (CourtyardKind)42, 10, 30.6, 104.0), admin))).Field);
        Assert.Equal("name", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            places.SaveCourtyardAsync(null, new CourtyardInput(" ", grid, CourtyardKind.Old, 10, 30.6, 104.0), admin))).Field);
        await Assert.ThrowsAsync<UnknownReferenceException>(() =>
            places.SaveCourtyardAsync(null, new CourtyardInput("幸福小区", new GridId(99999), CourtyardKind.Old, 10, 30.6, 104.0), admin));
        await Assert.ThrowsAsync<Infrastructure.Deadlines.RecordNotFoundException>(() =>
            places.SaveCourtyardAsync(new CourtyardId(99999), new CourtyardInput("幸福小区", grid, CourtyardKind.Old, 10, 30.6, 104.0), admin));
        await Assert.ThrowsAsync<UnknownReferenceException>(() => places.SaveBuildingAsync(null, new CourtyardId(99999), "1号楼", admin));

        Assert.Equal(courtyards, database.Directory.Courtyards.Count);
        await using var db = database.NewContext();
        Assert.Equal(courtyards, await db.Courtyards.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PlaceSaved));
    }
}
