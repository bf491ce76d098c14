using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Archive;

/// <summary>A community worker at the desk corrects a courtyard's owners' committee on its page: an even committee refused in plain Chinese, seven saved.</summary>
public sealed class CourtyardFormsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheOwnersCommittee_IsRefusedThenSaved_OnTheCourtyardPage_AtTheDesk()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var post = directory.PostOf(DemoAccounts.StaffOf("community", directory.Staff)!, ActSource.Console);
        var courtyard = app.Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(post).OrderByDescending(c => c.Id.Value).First();
        await app.Services.GetRequiredService<CourtyardLists>().RecordBodyAsync(post, courtyard.Id, CourtyardBody.OwnersCommittee,
            new BodyInput([.. Enumerable.Range(0, 5).Select(i => new MemberInput($"委员{i + 1}", i == 0 ? BodyRole.Chair : BodyRole.Member))],
                new DateOnly(2025, 3, 1), new DateOnly(2030, 2, 28)));
        var page = await app.SignedInPageAsync("community", 1920, 1080);
        await BrowserApp.OpenAsync(page, $"/archive/courtyards/{courtyard.Id.Value}");

        await page.Locator("[data-body-edit='OwnersCommittee']").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("[data-body-member]")).ToHaveCountAsync(5);
        await dialog.Locator("[data-body-add-member]").ClickAsync();
        await dialog.Locator("[data-body-member='5'] input").First.FillAsync("新委员甲");
        await dialog.Locator("[data-body-save]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-refusal='members']")).ToHaveTextAsync("业主委员会由 5 至 11 人单数组成。");
        await BrowserApp.ScreenshotAsync(page, "archive-courtyard-committee-refused");

        await dialog.Locator("[data-body-add-member]").ClickAsync();
        await dialog.Locator("[data-body-member='6'] input").First.FillAsync("新委员乙");
        await dialog.Locator("[data-body-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-body='OwnersCommittee'] [data-member]")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-message='saved']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "archive-courtyard-committee-saved");
    }
}
