using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

/// <summary>The frame of the handler's phone pages (/m…): no menus to hunt for, two destinations at the bottom.</summary>
public sealed partial class PhoneLayout
{
    private const string ReportPath = "m/report";
    private const string DonePath = "m/done";
    private const string RoundPath = "m/round";
    private static readonly MudTheme Theme = CommandCenterTheme.Create();

    private ErrorBoundary? _errorBoundary;

    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private string Here => Navigation.ToBaseRelativePath(Navigation.Uri);
    private bool OnReport => Here.StartsWith(ReportPath, StringComparison.OrdinalIgnoreCase);
    private bool OnDone => Here.StartsWith(DonePath, StringComparison.OrdinalIgnoreCase);
    private bool OnRound => Here.StartsWith(RoundPath, StringComparison.OrdinalIgnoreCase);
    /// <summary>Every other phone page belongs to the tasks (the list and each task).</summary>
    private bool OnTasks => !OnReport && !OnDone && !OnRound;
    /// <summary>The quarterly round is for those who keep the resident book (grid workers, community staff).</summary>
    private bool ShowsRound => Actor.IsSignedIn && Actor.Post.Can(Domain.Access.Capability.KeepResidentBook);

    private static string OtherLanguage => CultureSetup.IsChinese ? CultureSetup.English : CultureSetup.Chinese;

    /// <summary>The culture switch, back to this page: a plain link, as it sets a cookie on a full load.</summary>
    private string OtherLanguageHref => $"/culture/set?culture={OtherLanguage}&redirectUri={Uri.EscapeDataString("/" + Here)}";

    /// <summary>Nobody before sign-in: the page then only says so (the router's NotAuthorized content).</summary>
    private string? Who => !Actor.IsSignedIn ? null
        : Directory.UnitName(Actor.Post.UnitId) is { } unit ? $"{Actor.Post.Name} · {unit}"
        : Actor.Post.Name;

    protected override void OnParametersSet() => _errorBoundary?.Recover();

    private void Recover() => _errorBoundary?.Recover();
}
