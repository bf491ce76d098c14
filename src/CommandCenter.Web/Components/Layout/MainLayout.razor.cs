using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

public sealed partial class MainLayout
{
    private static readonly MudTheme Theme = CommandCenterTheme.Create();

    private ErrorBoundary? _errorBoundary;

    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override void OnParametersSet() => _errorBoundary?.Recover();

    /// <summary>Who is signed in, as a colleague would say it: name · post · unit.</summary>
    private string Who => $"{Actor.Post.Name} · {L.Enum(Actor.Post.Role)}{(Directory.UnitName(Actor.Post.UnitId) is { } unit ? $" · {unit}" : "")}";

    private string WallPath => Actor.Post.Scope == Domain.Access.ScopeKind.Community ? $"/wall/community/{Actor.Post.CommunityId}" : "/wall";

    private string PostersPath => $"/posters/community/{Actor.Post.CommunityId ?? Directory.Communities.First().Id}";

    private void SwitchCulture(string culture)
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"/culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(here)}", forceLoad: true);
    }

    private void Recover() => _errorBoundary?.Recover();
}
