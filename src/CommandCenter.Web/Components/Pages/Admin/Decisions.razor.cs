using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>Who decides: a row per decision, a checkbox per post, saved as one table at the revision the page showed.</summary>
public sealed partial class Decisions
{
    private readonly Decision[] _decisions = Enum.GetValues<Decision>();
    private Dictionary<Decision, HashSet<AccessRole>> _roles = [];
    private int _revision;

    [Inject] public required DecisionRightsAdministration Administration { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private Task ReloadAsync()
    {
        var current = Administration.Current;
        _revision = current.Revision;
        _roles = current.Decisions.ToDictionary(row => row.Decision, row => row.Roles.ToHashSet());
        return Task.CompletedTask;
    }

    private bool Holds(Decision decision, AccessRole role) => _roles[decision].Contains(role);

    private void Toggle(Decision decision, AccessRole role, bool on)
    {
        if (on) _roles[decision].Add(role);
        else _roles[decision].Remove(role);
    }

    private Task SaveAsync() => RunAsync(() => Administration.UpdateAsync(By, new DecisionRightsInput(
            [.. _roles.Select(row => new DecisionRowInput(row.Key.ToString(), [.. row.Value.Select(r => r.ToString())]))], _revision)),
        ReloadAsync, "Admin.DecisionsSaved");
}
