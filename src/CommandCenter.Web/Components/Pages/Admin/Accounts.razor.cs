using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The street's sign-ins: found by user name or person, disabled or unlocked, and reset to a one-time
/// password shown here once for the administrator to hand over. New sign-ins are made with the person.
/// </summary>
public sealed partial class Accounts
{
    private IReadOnlyList<AccountRow> _accounts = [];
    private string? _search;
    private (string UserName, string Password)? _reset;

    [Inject] public required PeopleAdministration People { get; init; }
    [Inject] public required Passwords Passwords { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _accounts = await People.AccountsAsync(_search);

    private Task SearchAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task ChangeAsync(AccountRow account, AccountChange change) =>
        RunAsync(() => People.SetAccountAsync(account.UserName, change, By), ReloadAsync);

    private Task ResetAsync(AccountRow account) =>
        RunAsync(async () => _reset = (account.UserName, await Passwords.ResetAsync(account.UserName, By)), ReloadAsync);
}
