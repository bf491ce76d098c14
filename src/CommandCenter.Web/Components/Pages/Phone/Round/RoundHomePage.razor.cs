using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Phone.Round;

/// <summary>
/// One home on the round: its current residents with their tags, corrected on the spot (tags, moved away, deceased,
/// someone new) through <see cref="ArchiveBook"/>, then confirmed as a whole; 随手拍 opens the patrol report at its courtyard.
/// </summary>
public sealed partial class RoundHomePage
{
    private Post _post = null!;
    private HomeView? _home;
    private bool _notFound;
    private ResidentId? _editing;
    private bool _adding;
    private ResidentTags _tags;
    private string? _name;
    private Relation _relation;
    private string? _refusal;
    private bool _busy;

    [Parameter] public int Id { get; set; }
    [Inject] public required ArchiveQueries Archive { get; init; }
    [Inject] public required ArchiveBook Book { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private HomeId HomeId => new(Id);

    private bool VisitedThisQuarter => Quarter.Of(Clock.GetUtcNow().UtcDateTime).Contains(_home?.VisitedAtUtc);

    private string BackHref => _home is { } home
        ? $"/m/round/courtyards/{home.CourtyardId.Value}/buildings/{home.BuildingId?.Value ?? 0}"
        : "/m/round";

    protected override async Task OnParametersSetAsync()
    {
        _post = Actor.Post.Via(ActSource.Phone);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _home = await Archive.HomeAsync(_post, HomeId);
            _notFound = false;
        }
        catch (RecordNotFoundException)
        {
            (_home, _notFound) = (null, true);
        }
    }

    private void Edit(HomeResidentRow resident)
    {
        (_editing, _adding, _tags, _refusal) = (resident.Id, false, resident.Tags ?? ResidentTags.None, null);
    }

    private void StartAdding()
    {
        (_adding, _editing, _tags, _name, _relation, _refusal) = (true, null, ResidentTags.None, null, Relation.Head, null);
    }

    private Task SaveTagsAsync(ResidentId resident) =>
        WriteAsync(() => Book.ChangeResidentAsync(_post, resident, new ResidentChangeInput(null, null, _tags)));

    private Task RemoveAsync(ResidentId resident, RemovalReason reason) =>
        WriteAsync(() => Book.RemoveResidentAsync(_post, resident, new RemovalInput(reason, ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime))));

    private Task AddAsync() =>
        WriteAsync(() => Book.AddResidentAsync(_post, HomeId, new ResidentInput(_name, 1, _relation, null, _tags, null, null)));

    private Task ConfirmAsync() => WriteAsync(() => Book.ConfirmHomeAsync(_post, HomeId));

    /// <summary>One act of the visit, then the home as it now stands; a refusal is said in words and changes nothing.</summary>
    private async Task WriteAsync(Func<Task> write)
    {
        (_busy, _refusal) = (true, null);
        try
        {
            await write();
            (_editing, _adding) = (null, false);
            await LoadAsync();
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
        finally
        {
            _busy = false;
        }
    }
}
