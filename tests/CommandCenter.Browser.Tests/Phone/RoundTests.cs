using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CommandCenter.Browser.Tests.Phone;

/// <summary>
/// A grid worker on the quarterly round at 390×844: from the bottom bar to a building of their grid, to a home; a tag
/// corrected, the home confirmed and ticked on the building's list; 随手拍 from the home opens at its courtyard.
/// </summary>
public sealed class RoundTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AHome_IsCorrectedAndConfirmed_OnThePhone_AndTickedOnItsBuilding()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var post = directory.PostOf(DemoAccounts.StaffOf("grid", directory.Staff)!, ActSource.Phone);
        List<CourtyardId> scope = [.. app.Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var home = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && h.BuildingId != null && h.VisitedAtUtc == null
                && db.Residents.Any(r => r.HomeId == h.Id && r.Removal == null && (r.Tags & ResidentTags.Volunteer) == 0))
            .OrderBy(h => h.Id).FirstAsync();
        var resident = await db.Residents.Where(r => r.HomeId == home.Id && r.Removal == null && (r.Tags & ResidentTags.Volunteer) == 0)
            .OrderBy(r => r.Id).FirstAsync();
        var page = await app.SignedInPageAsync("grid", 390, 844);

        await BrowserApp.OpenAsync(page, "/m");
        await page.Locator("[data-nav='round']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("入户走访");
        await Expect(page.Locator("[data-round-courtyard]")).ToHaveCountAsync(scope.Count);
        await BrowserApp.ScreenshotAsync(page, "phone-round");
        await page.Locator($"[data-round-courtyard='{home.CourtyardId.Value}'] [data-round-building='{home.BuildingId}']").ClickAsync();
        var door = page.Locator($"[data-round-home='{home.Id.Value}']");
        await Expect(door).ToHaveAttributeAsync("data-visited", "False");
        await BrowserApp.ScreenshotAsync(page, "phone-round-building");

        await door.ClickAsync();
        await Expect(page.Locator("[data-unit]")).ToContainTextAsync(home.UnitNumber);
        var card = page.Locator($"[data-resident='{resident.Id.Value}']");
        await card.Locator("[data-correct]").ClickAsync();
        await card.Locator("[data-pick-tag='Volunteer']").ClickAsync();
        await Expect(card.Locator("[data-pick-tag='Volunteer']")).ToHaveAttributeAsync("data-on", "True");
        await BrowserApp.ScreenshotAsync(page, "phone-round-home-correct");
        await card.Locator("[data-save-tags]").ClickAsync();
        await Expect(card.Locator("[data-tag='Volunteer']")).ToBeVisibleAsync();
        await page.Locator("[data-confirm-home]").ClickAsync();
        await Expect(page.Locator("[data-home-visited]")).ToHaveAttributeAsync("data-home-visited", "True");
        await BrowserApp.ScreenshotAsync(page, "phone-round-home-confirmed");

        await page.Locator("[data-back]").ClickAsync();
        await Expect(door).ToHaveAttributeAsync("data-visited", "True");
        await using var after = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.NotNull(await after.Homes.Where(h => h.Id == home.Id).Select(h => h.VisitedAtUtc).SingleAsync());
        Assert.True((await after.Residents.SingleAsync(r => r.Id == resident.Id)).Tags.HasFlag(ResidentTags.Volunteer));

        await door.ClickAsync();
        await page.Locator("[data-patrol-report]").ClickAsync();
        await Expect(page.Locator("[data-field=description]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "phone-round-report");
        // MudSelect puts the attribute on its input or around it, depending on the version: read the input either way.
        Assert.Equal(directory.CourtyardName(home.CourtyardId),
            await page.Locator("[data-field=courtyard]").First.EvaluateAsync<string>("e => (e.matches('input') ? e : e.querySelector('input')).value"));
    }
}
