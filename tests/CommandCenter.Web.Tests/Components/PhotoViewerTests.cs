using Bunit;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The photo viewer: previous/next page through a case's photos, zoom stays within limits; comparison shows the reporter's beside the latest result's.</summary>
public sealed class PhotoViewerTests : ComponentTest
{
    private static readonly DateTime At = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);

    private static readonly CasePhotos Photos = new(
    [
        new("/photos/a", CaseEventType.Reported, At, 1),
        new("/photos/b", CaseEventType.ReportedDone, At.AddHours(1), 4),
        new("/photos/c", CaseEventType.ReportedDone, At.AddHours(3), 7),
    ]);

    [Fact]
    public void NextAndPrevious_MoveThroughThePhotos_AndWrapAround()
    {
        var provider = Open(compare: false);

        provider.Find("button[data-photo-next]").Click();
        provider.WaitForAssertion(() => Assert.Equal("/photos/b", provider.Find("img[data-photo-large]").GetAttribute("src")));
        provider.Find("button[data-photo-previous]").Click();
        provider.Find("button[data-photo-previous]").Click();

        provider.WaitForAssertion(() => Assert.Equal("/photos/c", provider.Find("img[data-photo-large]").GetAttribute("src")));
    }

    [Fact]
    public void ZoomIn_StopsAtTheLimit()
    {
        var provider = Open(compare: false);

        for (var i = 0; i < 6; i++) provider.Find("button[data-zoom-in]").Click();

        provider.WaitForAssertion(() => Assert.Equal("4", provider.Find("[data-zoom]").GetAttribute("data-zoom")));
        Assert.Contains("width: 400%", provider.Find("img[data-photo-large]").GetAttribute("style"));
        Assert.True(provider.Find("button[data-zoom-in]").HasAttribute("disabled"));
    }

    [Fact]
    public void Compare_ShowsTheReportersPhotoBesideTheLatestResultOnly()
    {
        var provider = Open(compare: true);

        Assert.Equal(["/photos/a"], provider.FindAll("[data-photo-side=Before] img").Select(i => i.GetAttribute("src")));
        Assert.Equal(["/photos/c"], provider.FindAll("[data-photo-side=After] img").Select(i => i.GetAttribute("src")));
    }

    private IRenderedComponent<MudDialogProvider> Open(bool compare)
    {
        Context.Render<MudPopoverProvider>();
        var provider = Context.Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        _ = provider.InvokeAsync(() => PhotoViewer.ShowAsync(dialogs, Photos, compare: compare));
        provider.WaitForElement("[data-photo-viewer]");
        return provider;
    }
}
