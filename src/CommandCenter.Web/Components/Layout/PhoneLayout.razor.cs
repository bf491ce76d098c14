using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

/// <summary>The frame of the handler's phone pages (/m…): no menus to hunt for, two destinations at the bottom.</summary>
public sealed partial class PhoneLayout
{
    private const string ReportPath = "m/report";
    private static readonly MudTheme Theme = CommandCenterTheme.Create();

    private ErrorBoundary? _errorBoundary;

    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>Every phone page but 随手拍 belongs to the tasks (the list and each task).</summary>
    private bool OnTasks => !Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith(ReportPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Nobody before sign-in: the page then only says so (the router's NotAuthorized content).</summary>
    private string? Who => !Actor.IsSignedIn ? null
        : Directory.UnitName(Actor.Post.UnitId) is { } unit ? $"{Actor.Post.Name} · {unit}"
        : Actor.Post.Name;

    protected override void OnParametersSet() => _errorBoundary?.Recover();

    private void Recover() => _errorBoundary?.Recover();
}
