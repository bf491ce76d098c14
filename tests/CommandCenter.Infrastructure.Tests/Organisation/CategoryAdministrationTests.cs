using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Organisation;

public sealed class CategoryAdministrationTests
{
    [Theory, TestedProviders]
    public async Task RetiredItem_IsOfferedForNoNewReport_AndItsOldCaseKeepsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var item = database.Directory.Categories.First(c => c.IsOffered);
        var oldCase = (await database.Cases.ReportAsync(database.Report(item.Code), database.Actor())).Id;

        await database.Service<CategoryAdministration>().SaveAsync(item.Code,
            new CategoryInput(item.Name, item.NameEn, item.DefaultLevel, Urgency.Urgent, Active: false), database.Actor("Administrator"));

        Assert.Equal("CategoryRetired", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            database.Cases.ReportAsync(database.Report(item.Code), database.Actor()))).Code);
        Assert.Equal(item.Code, (await database.Queries.DetailAsync(TestDatabase.Everyone, oldCase))!.Report.CategoryCode);
        var courtyard = database.Directory.Courtyards.First();
        var offered = await database.Service<PublicReportService>()
            .CourtyardAsync(CourtyardCode.Of(database.Directory.Streets.Single(), courtyard));
        Assert.DoesNotContain(offered!.Categories, c => c.Code == item.Code);
        Assert.Equal((false, Urgency.Urgent), (database.Directory.Category(item.Code)!.IsActive, database.Directory.Category(item.Code)!.DefaultUrgency));
    }

    [Theory, TestedProviders]
    public async Task NewItem_IsOffered_AndRetiringItsGroupRetiresIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var administration = database.Service<CategoryAdministration>();
        var admin = database.Actor("Administrator");
        var group = database.Directory.Categories.First(c => !c.IsItem);

        await administration.SaveAsync($"{group.Code}98", new CategoryInput(" 共享单车乱停 ", "Shared bikes", HandlingLevel.Community, Urgency.Normal, true), admin);
        await database.Cases.ReportAsync(database.Report($"{group.Code}98"), database.Actor());
        await administration.SaveAsync(group.Code, new CategoryInput(group.Name, group.NameEn, group.DefaultLevel, group.DefaultUrgency, false), admin);

        Assert.All(database.Directory.Categories.Where(c => c.ParentCode == group.Code), c => Assert.False(c.IsActive));
        Assert.Equal("CategoryGroupRetired", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            administration.SaveAsync($"{group.Code}98", new CategoryInput("共享单车乱停", "Shared bikes", HandlingLevel.Community, Urgency.Normal, true), admin))).Code);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.CategorySaved));
    }

    // Each row: a category as written, and the code and field it is refused with; nothing is stored.
    [Theory]
    [InlineData("1", "名称", "Name", "InvalidCategoryCode", "code")]
    [InlineData("01a1", "名称", "Name", "InvalidCategoryCode", "code")]
    [InlineData("0199", "", "Name", "Required", "name")]
    [InlineData("0199", "名称", null, "Required", "nameEn")]
    public async Task BadCategory_IsRefusedNamingTheField_AndNothingIsStored(string code, string name, string? nameEn, string expectedCode, string field)
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = database.Directory.Categories.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => database.Service<CategoryAdministration>()
            .SaveAsync(code, new CategoryInput(name, nameEn, HandlingLevel.Courtyard, Urgency.Normal, true), database.Actor("Administrator")));

        Assert.Equal((expectedCode, field), (refused.Code, refused.Field));
        await using var db = database.NewContext();
        Assert.Equal(before, await db.Categories.CountAsync());
    }

    [Fact]
    public async Task ItemOfAnUnknownGroup_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();

        await Assert.ThrowsAsync<UnknownReferenceException>(() => database.Service<CategoryAdministration>()
            .SaveAsync("9901", new CategoryInput("名称", "Name", HandlingLevel.Courtyard, Urgency.Normal, true), database.Actor("Administrator")));
    }
}
