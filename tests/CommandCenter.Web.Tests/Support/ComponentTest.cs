using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
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

    private BunitAuthorizationContext? _authorization;

    /// <summary>
    /// Signs the rendered components' user in as <paramref name="staff"/>: the claim the real
    /// sign-in carries, and the policies that post holds by <see cref="Capabilities"/>.
    /// </summary>
    protected void SignInAs(Staff staff)
    {
        var authorization = _authorization ??= Context.AddAuthorization();
        authorization.SetAuthorized(staff.Name);
        authorization.SetClaims(PostClaims.Of(PostClaims.StaffId, staff.Id.Value));
        authorization.SetPolicies([.. Enum.GetValues<Capability>().Where(c => Capabilities.Allow(staff.Role, c)).Select(c => c.ToString())]);
    }

    /// <summary>The command forms <paramref name="post"/> is offered, over the app's directory and queries, in the test's language.</summary>
    protected CommandCatalog CatalogFor(IServiceProvider app, Post post) => new(
        app.GetRequiredService<OrganisationDirectory>(), app.GetRequiredService<CaseQueries>(),
        Context.Services.GetRequiredService<IStringLocalizer<SharedResource>>(), post);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
