using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// Bearer tokens for wall players and other systems: made here, their secret shown once on this
/// page and nowhere else, listed by prefix afterwards, and revoked when no longer used.
/// </summary>
public sealed partial class Tokens
{
    private IReadOnlyList<AccessToken> _tokens = [];
    private IssuedToken? _issued;
    private string? _message;
    private bool _failed;
    private string? _displayName;
    private StreetId? _streetId;
    private CommunityId? _communityId;
    private string? _staffTokenName;
    private Staff? _staff;

    [Inject] public required AccessTokenService Service { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _tokens = await Service.ListAsync(Actor.Post);

    /// <summary>A district administrator of several streets names the display's street; a street's administrator makes only their own.</summary>
    private bool ChoosesStreet => Actor.Post.StreetId is null && Directory.Streets.Count > 1;

    /// <summary>The communities a display may be limited to: those of the chosen street that the administrator covers.</summary>
    private IEnumerable<Community> Communities => Directory.Communities
        .Where(c => CaseScope.CoversCommunity(Actor.Post, c) && (_streetId is not { } street || c.StreetId == street))
        .OrderBy(c => c.Id);

    private void ChooseStreet(StreetId? street) => (_streetId, _communityId) = (street, null);

    private Task CreateDisplayAsync() => IssueAsync(async () =>
    {
        var issued = await Service.CreateDisplayAsync(_displayName ?? "", _streetId, _communityId, Actor.Post);
        (_displayName, _streetId, _communityId) = (null, null, null);
        return issued;
    });

    private Task CreateStaffAsync()
    {
        if (_staff is not { } staff)
        {
            (_message, _failed) = (L["Error.Required", L.Field("staffId")], true);
            return Task.CompletedTask;
        }
        return IssueAsync(async () =>
        {
            var issued = await Service.CreateStaffAsync(_staffTokenName ?? "", staff.Id, Actor.Post);
            (_staffTokenName, _staff) = (null, null);
            return issued;
        });
    }

    private Task IssueAsync(Func<Task<IssuedToken>> create) => RunAsync(async () =>
    {
        _issued = await create();
        // The panel with the secret says it all; a second sentence would only compete with it.
        return null;
    });

    private async Task RevokeAsync(AccessToken token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Tokens.RevokeTitle"], L["Tokens.RevokeConfirm", token.Name, token.Prefix], yesText: L["Tokens.Revoke"], cancelText: L["Action.Cancel"]);
        if (confirmed != true) return;
        await RunAsync(async () =>
        {
            await Service.RevokeAsync(token.Id, Actor.Post);
            return L["Tokens.Revoked", token.Name];
        });
    }

    /// <summary>Runs an act and says in the user's language what came of it, then lists the tokens again.</summary>
    private async Task RunAsync(Func<Task<string?>> act)
    {
        try
        {
            (_message, _failed) = (await act(), false);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var sentence))
        {
            (_message, _failed) = (sentence, true);
        }
        await ReloadAsync();
    }

    /// <summary>Forgets the secret: once closed it cannot be shown again, by design.</summary>
    private void CloseIssued() => _issued = null;

    /// <summary>The address to open once on the wall player: the token in it signs the player in for good.</summary>
    private string? WallUrl(IssuedToken issued) => issued.Token.Kind == AccessTokenKind.Display
        ? new Uri(new Uri(Navigation.BaseUri), $"{WallPath(issued.Token.CommunityId)}?{AccessTokenAuthentication.QueryKey}={Uri.EscapeDataString(issued.Secret)}").ToString()
        : null;

    private static string WallPath(CommunityId? communityId) => communityId is { } id ? $"wall/community/{id}" : "wall";

    private Task<IEnumerable<Staff>> SearchStaffAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Staff
            .Where(s => Actor.Post.StreetId is null || s.StreetId == Actor.Post.StreetId)
            .Where(s => string.IsNullOrWhiteSpace(text) || StaffText(s).Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Id)
            .AsEnumerable());

    /// <summary>A staff member as a colleague would name them: name · post · unit.</summary>
    private string StaffText(Staff staff) =>
        $"{staff.Name} · {L.Enum(staff.Role)}{(Directory.UnitName(staff.UnitId) is { } unit ? $" · {unit}" : "")}";

    private string CommunityScopeText(CommunityId? communityId) => communityId is { } id ? Directory.CommunityName(id) : L["Tokens.WholeStreet"];

    private string ScopeText(AccessToken token) => token.Kind switch
    {
        AccessTokenKind.Display => token.CommunityId is { } community ? Directory.CommunityName(community) : Directory.AreaName(token.StreetId),
        _ => token.StaffId is { } id ? Directory.StaffMember(id)?.Name ?? $"#{id}" : "—",
    };
}
