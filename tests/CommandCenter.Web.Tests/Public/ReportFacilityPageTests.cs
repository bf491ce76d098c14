using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Public;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportPage = CommandCenter.Web.Components.Pages.Public.Report;

namespace CommandCenter.Web.Tests.Public;

/// <summary>
/// The resident's QR form offers the courtyard's facilities on its list (not a retired one, not another courtyard's, no camera), and the one
/// picked is the one the case names; a courtyard that keeps none shows no choice.
/// </summary>
public sealed class ReportFacilityPageTests : ComponentTest, IClassFixture<ApiApp>
{
    private static readonly Post System = Post.System(ActSource.Console);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ApiApp _app;

    public ReportFacilityPageTests(ApiApp app)
    {
        _app = app;
        Context.Services.AddSingleton(Services.GetRequiredService<PublicReportService>());
        Context.Services.AddSingleton(Directory);
        Context.Services.AddSingleton(Services.GetRequiredService<SubmissionLimiter>());
        Context.Services.AddSingleton(Services.GetRequiredService<IOptions<PhotoOptions>>());
        Context.Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
    }

    private IServiceProvider Services => _app.Factory.Services;
    private OrganisationDirectory Directory => Services.GetRequiredService<OrganisationDirectory>();

    [Fact]
    public async Task TheForm_OffersTheCourtyardsFacilities_AndTheCaseNamesThePickedOne()
    {
        var courtyards = Directory.Courtyards.OrderBy(c => c.Id.Value).ToList();
        var (courtyard, other) = (courtyards[^1], courtyards[^2]);
        var lists = Services.GetRequiredService<CourtyardLists>();
        var lift = await lists.AddFacilityAsync(System, courtyard.Id, new FacilityInput(FacilityKind.Lift, 1, "扫码表单电梯"));
        var bin = await lists.AddFacilityAsync(System, courtyard.Id, new FacilityInput(FacilityKind.Bin, 3, "扫码表单垃圾站"));
        var retired = await lists.AddFacilityAsync(System, courtyard.Id, new FacilityInput(FacilityKind.Bin, 2, "扫码表单旧垃圾站"));
        await lists.RetireFacilityAsync(System, retired);
        var elsewhere = await lists.AddFacilityAsync(System, other.Id, new FacilityInput(FacilityKind.Lift, 1, "别院电梯"));
        var camera = await lists.AddFacilityAsync(System, courtyard.Id, new FacilityInput(FacilityKind.Camera, 1, "扫码表单门口监控"));
        List<long> onList;
        await using (var db = Database())
            onList = await db.Facilities.Where(f => f.CourtyardId == courtyard.Id && f.RetiredAtUtc == null && f.Kind != FacilityKind.Camera)
                .OrderBy(f => f.Kind).ThenBy(f => f.Id).Select(f => f.Id).ToListAsync();
        Assert.Contains(lift, onList);
        Assert.Contains(bin, onList);

        var page = Context.Render<ReportPage>(p => p.Add(r => r.Code, CourtyardCode.Of(Directory.StreetOf(courtyard)!, courtyard)));

        var options = page.FindAll("select[data-field=facilityId] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", .. onList.Select(id => id.ToString())], options);
        Assert.DoesNotContain(retired.ToString(), options);
        Assert.DoesNotContain(elsewhere.ToString(), options);
        // Where the street's cameras stand is not for the public.
        Assert.DoesNotContain(camera.ToString(), options);
        Assert.Contains("电梯 · 扫码表单电梯", page.Find("select[data-field=facilityId]").TextContent);

        page.Find("[data-category-group='01']").Click();
        page.Find("[data-category='0101']").Click();
        page.Find("select[data-field=facilityId]").Change(lift.ToString());
        page.Find("textarea[data-field=description]").Input("扫码表单：电梯门关不上");
        page.Find("[data-submit]").Click();

        var tracking = page.WaitForElement("[data-tracking-code]", Patience).TextContent;
        await using (var db = Database())
        {
            var caseId = (await db.CaseTrackings.SingleAsync(t => t.Code == tracking)).CaseId;
            Assert.Equal(new FacilityId(lift), (await db.Cases.SingleAsync(c => c.Id == caseId)).FacilityId);
        }
    }

    [Fact]
    public async Task ACourtyardWithoutFacilities_ShowsNoChoice()
    {
        var courtyard = Directory.Courtyards.OrderBy(c => c.Id.Value).ToList()[^3];
        // The demo keeps facilities in every courtyard: its list written empty takes them all off.
        await Services.GetRequiredService<CourtyardLists>().RecordFacilitiesAsync(System, courtyard.Id, new FacilitiesInput([]));

        var page = Context.Render<ReportPage>(p => p.Add(r => r.Code, CourtyardCode.Of(Directory.StreetOf(courtyard)!, courtyard)));

        page.Find("[data-category-groups]");
        Assert.Empty(page.FindAll("[data-field=facilityId]"));
    }

    private CommandCenterDbContext Database() => _app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();
}
