using Bunit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Layout;
using CommandCenter.Web.Session;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>The console's menu offers each post only the pages its policies open.</summary>
public sealed class NavigationByPostTests : ComponentTest, IClassFixture<ApiApp>
{
    private readonly OrganisationDirectory _directory;

    public NavigationByPostTests(ApiApp app)
    {
        _directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        Context.Services.AddSingleton(_directory);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<CurrentActor>();
        Context.Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
    }

    [Theory]
    [InlineData("admin", "queues intake liaison wall assessment credit archive posters admin")]
    [InlineData("leader", "queues intake wall assessment credit archive")]
    [InlineData("dispatcher", "queues intake liaison wall assessment credit archive posters")]
    [InlineData("community", "queues intake tasks wall archive posters")]
    [InlineData("grid", "queues intake tasks wall archive")]
    [InlineData("liaison", "queues intake liaison tasks wall")]
    public void TheMenu_ShowsOnlyWhatThePostMayOpen(string user, string expected)
    {
        SignInAs(DemoAccounts.StaffOf(user, _directory.Staff)!);
        // After signing in: the renderer fixes the services.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var layout = Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Equal(expected.Split(' '), layout.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav")!));
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
