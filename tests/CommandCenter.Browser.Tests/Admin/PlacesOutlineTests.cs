using System.Text.RegularExpressions;
using CommandCenter.Browser.Tests.Support;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Browser.Tests.Admin;

/// <summary>An administrator draws a courtyard's outline by clicking on the places form's map, in a real Chromium, and the wall draws it.</summary>
public sealed class PlacesOutlineTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int CourtyardId = 7;

    /// <summary>
    /// Chromium's click offsets go back through the editor's view (0.01° of latitude over its 400 px, a degree of
    /// longitude shortened by the cosine of the latitude, the map point in the middle of 640 × 400), worked out here
    /// apart from the app's projection; a pixel either way is the click's own rounding.
    /// </summary>
    [Fact]
    public async Task ATriangleClickedOnThePlacesMap_IsSaved_AndDrawnOnTheWall()
    {
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyard(new CourtyardId(CourtyardId))!;
        var page = await app.SignedInPageAsync("admin", 1920, 1080);
        await BrowserApp.OpenAsync(page, "/admin/places");
        await page.Locator($"td[data-courtyard='{CourtyardId}']").ClickAsync();
        var map = page.Locator("svg.cc-outline-map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        // The demo's outline, about 100 m across, opens close up; out to where its neighbours show.
        await Assertions.Expect(page.Locator("polygon[data-drawn-outline]")).ToBeVisibleAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-span", "0.0025");
        await page.Locator("[data-action='zoom-out']").ClickAsync();
        await page.Locator("[data-action='zoom-out']").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-span", "0.01");

        await page.Locator("[data-action='clear-outline']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-vertex]")).ToHaveCountAsync(0);
        (int X, int Y)[] clicks = [(250, 140), (410, 170), (330, 290)];
        foreach (var (click, i) in clicks.Select((c, i) => (c, i)))
        {
            await map.ClickAsync(new() { Position = new() { X = click.X, Y = click.Y } });
            await Assertions.Expect(page.Locator("[data-vertex]")).ToHaveCountAsync(i + 1);
        }
        await Assertions.Expect(page.Locator("polygon[data-drawn-outline]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "places-outline-1920");
        await page.Locator("[data-action='save-courtyard']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-message='saved']")).ToBeVisibleAsync();

        var saved = directory.Courtyard(courtyard.Id)!.Outline!;
        const double PixelsPerDegreeLatitude = 400 / 0.01;
        var pixelsPerDegreeLongitude = PixelsPerDegreeLatitude * Math.Cos(courtyard.Latitude * Math.PI / 180);
        Assert.Equal(3, saved.Count);
        foreach (var (point, (x, y)) in saved.Zip(clicks))
        {
            Assert.Equal(courtyard.Longitude + (x - 320) / pixelsPerDegreeLongitude, point.Longitude, 1.5 / pixelsPerDegreeLongitude);
            Assert.Equal(courtyard.Latitude - (y - 200) / PixelsPerDegreeLatitude, point.Latitude, 1.5 / PixelsPerDegreeLatitude);
        }

        var wall = await app.SignedInPageAsync("leader", 1920, 1080);
        await BrowserApp.OpenAsync(wall, "/wall");
        await Assertions.Expect(wall.Locator($"polygon[data-outline='{CourtyardId}']")).ToHaveAttributeAsync("points", new Regex(@"^\S+ \S+ \S+$"));
        await BrowserApp.ScreenshotAsync(wall, "wall-outline-1920");
    }
}
