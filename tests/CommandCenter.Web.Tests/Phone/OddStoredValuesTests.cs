using Bunit;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Public;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>
/// What an older database may hold, written straight to it past every check: a year-9999 deadline and
/// attachments that are null or point elsewhere. The console's detail and the phone's task still render,
/// and show no link or image but this system's own photos.
/// </summary>
public sealed class OddStoredValuesTests : PhoneTest, IClassFixture<ApiApp>
{
    private readonly IServiceProvider _services;

    public OddStoredValuesTests(ApiApp app) : base(app) => _services = app.Factory.Services;

    private const string OddAttachments =
        """[{"FileName":null,"ContentType":null,"Path":null},""" +
        """{"FileName":"x.png","ContentType":"image/png","Path":"javascript:alert(1)"},""" +
        """{"FileName":"y.png","ContentType":"image/png","Path":"http://127.0.0.1:9/x.png"},""" +
        """{"FileName":"","ContentType":"","Path":""}]""";

    [Fact]
    public async Task PhoneTask_WithOddStoredValues_RendersWithoutLinksToThem()
    {
        var (staff, company) = PropertyStaff();
        var id = await OddCaseAsync(company);
        SignIn(staff);

        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-case]")));
        AssertNothingForeignIsLinked(page.Markup);
    }

    [Fact]
    public async Task ConsoleDetail_WithOddStoredValues_RendersWithoutLinksToThem()
    {
        var (staff, company) = PropertyStaff();
        var id = await OddCaseAsync(company);
        Context.Services.AddSingleton(_services.GetRequiredService<PersonalDataReveal>());
        SignIn(staff);

        var page = RenderPage<Detail>(p => p.Add(d => d.Id, id));

        page.WaitForAssertion(() => Assert.Contains("9999-12-31", page.Markup, StringComparison.Ordinal));
        Assert.Equal(4, page.FindAll("[data-attachment=foreign]").Count);
        AssertNothingForeignIsLinked(page.Markup);
    }

    [Fact]
    public async Task PublicTracking_WithOddStoredAttachments_ShowsOnlyThisSystemsPhotos()
    {
        var reports = _services.GetRequiredService<PublicReportService>();
        await using var photo = new MemoryStream(Photos.Of("jpeg"));
        var receipt = await reports.ReportAsync(new PublicReportRequest("CT0001", "0101", "楼道里堆满了杂物"), [new UploadedPhoto(photo, "IMG_0001.jpg")]);
        await using (var db = await _services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync())
        {
            var reported = await db.TimelineEvents.Where(e => e.Type == CaseEventType.Reported && db.Cases.Any(c => c.Id == e.CaseId && c.Number == receipt.Number))
                .SingleAsync();
            var ours = $$"""{"FileName":"p.jpg","ContentType":"image/jpeg","Path":"{{reported.Attachments[0].Path}}"},""";
            var odd = OddAttachments.Insert(1, ours);
            await db.Database.ExecuteSqlAsync($"UPDATE TimelineEvents SET Attachments = {odd} WHERE Id = {reported.Id}");
        }

        var view = await reports.TrackAsync(receipt.TrackingCode);

        Assert.StartsWith("/photos/", Assert.Single(view!.PhotoPaths), StringComparison.Ordinal);
    }

    /// <summary>A signed case whose postponement was approved, then altered in the database as an old version could have left it.</summary>
    private async Task<Guid> OddCaseAsync(Domain.Organisation.HandlingUnit company)
    {
        var id = (await DispatchedAsync(company)).Id;
        await Cases.ExecuteAsync(id, new SignCase(), System);
        await Cases.ExecuteAsync(id, new RequestPostponement("等待配件", DateTime.UtcNow.AddHours(36)), System);
        await Cases.ExecuteAsync(id, new ApproveRequest(), System);
        await using var db = await _services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Clock.HandlingDeadlineUtc, DateTime.MaxValue).SetProperty(c => c.Clock.WarningAtUtc, DateTime.MaxValue));
        await db.TimelineEvents.Where(e => e.CaseId == id && e.DetailAtUtc != null).ExecuteUpdateAsync(s => s.SetProperty(e => e.DetailAtUtc, DateTime.MaxValue));
        var signed = await db.TimelineEvents.Where(e => e.CaseId == id && e.Type == CaseEventType.Signed).Select(e => e.Id).SingleAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE TimelineEvents SET Attachments = {OddAttachments} WHERE Id = {signed}");
        return id;
    }

    private static void AssertNothingForeignIsLinked(string markup)
    {
        Assert.DoesNotContain("javascript:", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", markup, StringComparison.Ordinal);
    }
}
