using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Cases;

public sealed partial class Detail
{
    private CommandCatalog _catalog = null!;
    private CaseDetail? _detail;
    private bool _loaded;
    private bool _busy;
    private Reporter? _revealed;

    [Parameter] public Guid Id { get; set; }

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required PersonalDataReveal Reveal { get; init; }

    protected override void OnInitialized() => _catalog = new CommandCatalog(Directory, Queries, L, Actor.Post);

    protected override Task OnParametersSetAsync()
    {
        _revealed = null;
        return ReloadAsync();
    }

    /// <summary>Unmasks this case's reporter for this view only; the reveal is audited with who and when.</summary>
    private async Task RevealAsync() => _revealed = await Reveal.RevealAsync(Actor.Post, Id);

    private async Task ReloadAsync()
    {
        _detail = await Queries.DetailAsync(Actor.Post, Id);
        _loaded = true;
    }

    private async Task RunAsync(CaseCommand command)
    {
        if (_detail is not { } shown) return;
        _busy = true;
        try
        {
            // The version the user saw travels with the command: if anyone changed the case since, it is refused.
            await CommandDialog.ShowAsync(Dialogs, shown.Number, await _catalog.FormForAsync(command, shown),
                request => Cases.ExecuteAsync(shown.Id, request with { ExpectedVersion = shown.Version }, Actor.Post));
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
