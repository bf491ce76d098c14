using CommandCenter.Domain.Organisation;
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

    private Task<IEnumerable<Staff>> SearchStaffAsync(string? text, CancellationToken cancellationToken)
    {
        var staff = Directory.Staff.OrderBy(s => s.Role).ThenBy(s => s.Id).AsEnumerable();
        if (!string.IsNullOrWhiteSpace(text) && text != Describe(Actor.Staff))
            staff = staff.Where(s => Describe(s).Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(staff);
    }

    private string Describe(Staff? staff) => staff is null
        ? ""
        : $"{staff.Name} · {L.Enum(staff.Role)}{(Directory.UnitName(staff.UnitId) is { } unit ? $" · {unit}" : "")}";

    private void ActAs(Staff? staff)
    {
        if (staff is not null) Actor.ActAs(staff);
    }

    private void SwitchCulture(string culture)
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"/culture/set?culture={culture}&redirectUri={Uri.EscapeDataString(here)}", forceLoad: true);
    }

    private void Recover() => _errorBoundary?.Recover();
}
