using System.Globalization;
using Bunit;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor and the app's localization, in the UI culture a test asks for.
/// Disposed asynchronously: MudBlazor's services refuse a synchronous dispose.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected ComponentTest(string culture = CultureSetup.Chinese)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddCommandCenterLocalization();
    }

    protected BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
