using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The console's intake offers the chosen courtyard's facilities on its list (not a retired one, none before a courtyard is chosen)
/// and reports the case about the one picked.
/// </summary>
public sealed class IntakeFacilityTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public IntakeFacilityTests(ApiApp app) : base(app) => _app = app;

    [Fact]
    public async Task TheIntakeForm_OffersTheCourtyardsFacilities_AndReportsTheCaseAboutThePickedOne()
    {
        var community = Directory.PostOf(DemoAccounts.StaffOf("community", Directory.Staff)!, ActSource.Console);
        var courtyard = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(community).OrderByDescending(c => c.Id.Value).First();
        var lists = Services.GetRequiredService<CourtyardLists>();
        var lift = await lists.AddFacilityAsync(community, courtyard.Id, new FacilityInput(FacilityKind.Lift, 1, "受理表单电梯"));
        var retired = await lists.AddFacilityAsync(community, courtyard.Id, new FacilityInput(FacilityKind.Bin, 3, "受理表单旧垃圾站"));
        await lists.RetireFacilityAsync(community, retired);
        var page = RenderPage<Intake>();
        Assert.Empty(page.FindAll("[data-field=facilityId]"));

        await Choose(page, (CommunityId?)courtyard.CommunityId);
        await Choose(page, (CourtyardId?)courtyard.Id);
        page.WaitForAssertion(() => page.Find("[data-field=facilityId]"), Patience);
        var offered = page.FindComponent<MudSelect<FacilityId?>>();
        await offered.InvokeAsync(() => offered.Instance.OpenMenu());
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindComponents<MudSelectItem<FacilityId?>>(), i => i.Instance.Value == new FacilityId(lift)));
        var items = Popovers.FindComponents<MudSelectItem<FacilityId?>>().Select(i => i.Instance.Value!.Value.Value).ToList();
        Assert.DoesNotContain(retired, items);
        Assert.Contains("电梯 · 受理表单电梯", Popovers.Markup);
        await Choose(page, (FacilityId?)new FacilityId(lift));
        await Choose(page, (string?)"0101");
        page.Find("textarea[data-field=description]").Input("受理表单：电梯困人");
        page.Find("[data-action=report]").Click();

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/cases/", navigation.Uri), Patience);
        var id = Guid.Parse(navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..]);
        await using var db = _app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();
        var stored = await db.Cases.SingleAsync(c => c.Id == id);
        Assert.Equal((new FacilityId(lift), courtyard.Id), (stored.FacilityId, stored.CourtyardId));
    }

    /// <summary>Picks a value in the form's only select of that type, as choosing it in the list would.</summary>
    private static Task Choose<T>(IRenderedComponent<Intake> page, T value)
    {
        var select = page.FindComponent<MudSelect<T>>();
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
