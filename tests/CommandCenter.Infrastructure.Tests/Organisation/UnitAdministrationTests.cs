using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Organisation;

public sealed class UnitAdministrationTests
{
    [Theory, TestedProviders]
    public async Task AUnit_IsAdded_WithItsLevelAndShortName_AndRenamed_KeepingItsKind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var units = database.Service<UnitAdministration>();
        var admin = database.Actor("Administrator");
        var community = database.Directory.Communities.First().Id;

        var company = await units.SaveAsync(null, new UnitInput(" 重庆市安居物业服务有限公司 ", UnitKind.PropertyCompany, null), admin);
        var committee = await units.SaveAsync(null, new UnitInput("新建社区居委会", UnitKind.CommunityCommittee, community), admin);
        var renamed = await units.SaveAsync(company.Id, new UnitInput("重庆市乐居物业服务有限公司", UnitKind.PropertyCompany, null), admin);

        Assert.Equal(("安居物业", HandlingLevel.Courtyard), (company.ShortName, company.Level));
        Assert.Equal((HandlingLevel.Community, community), (committee.Level, committee.CommunityId));
        Assert.Equal("重庆市乐居物业服务有限公司", database.Directory.UnitName(renamed.Id));
        Assert.Equal(UnitKind.CommunityCommittee, database.Directory.Unit(committee.Id)!.Kind);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.UnitSaved));
    }

    [Theory, TestedProviders]
    public async Task ABadUnit_IsRefusedNamingTheField_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var units = database.Service<UnitAdministration>();
        var admin = database.Actor("Administrator");
        var taken = database.Directory.Units.First();
        var before = database.Directory.Units.Count;

        Assert.Equal(("DuplicateUnitName", "name"), await RefusedAsync(new UnitInput(taken.Name, UnitKind.StreetOffice, null)));
        Assert.Equal(("UnitNeedsCommunity", "communityId"), await RefusedAsync(new UnitInput("某社区居委会", UnitKind.CommunityCommittee, null)));
        Assert.Equal(("UnitTakesNoCommunity", "communityId"), await RefusedAsync(new UnitInput("某物业", UnitKind.PropertyCompany, taken.CommunityId ?? new CommunityId(1))));
        Assert.Equal(("Required", "name"), await RefusedAsync(new UnitInput(" ", UnitKind.StreetOffice, null)));
        Assert.Equal(("UnknownValue", "kind"), await RefusedAsync(new UnitInput("某科室", (UnitKind)42, null)));
        Assert.Equal(("UnitKindFixed", "kind"), await RefusedAsync(new UnitInput(taken.Name, taken.Kind == UnitKind.StreetOffice ? UnitKind.DistrictDepartment : UnitKind.StreetOffice, null), taken.Id));
        await Assert.ThrowsAsync<UnknownReferenceException>(() => units.SaveAsync(null, new UnitInput("某社区居委会", UnitKind.CommunityCommittee, new CommunityId(99999)), admin));
        await Assert.ThrowsAsync<Infrastructure.Deadlines.RecordNotFoundException>(() => units.SaveAsync(new UnitId(99999), new UnitInput("某科室", UnitKind.StreetOffice, null), admin));

        Assert.Equal(before, database.Directory.Units.Count);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.UnitSaved));

        async Task<(string, string?)> RefusedAsync(UnitInput input, UnitId? id = null)
        {
            var refused = await Assert.ThrowsAsync<DomainValidationException>(() => units.SaveAsync(id, input, admin));
            return (refused.Code, refused.Field);
        }
    }
}
