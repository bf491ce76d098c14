using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>
/// One home as the signed-in post may see it: its figures with their source, its owners and former owners, its residents
/// (tags for posts that see them) and those who left, numbers masked and revealed one resident at a time (audited by
/// <see cref="ArchiveQueries.RevealAsync"/>), and its building's cases. Outside the post's scope the home is not found.
/// </summary>
public sealed partial class HomeArchivePage
{
    private HomeView? _home;
    private bool _notFound;
    private readonly Dictionary<ResidentId, RevealedNumbers> _revealed = [];

    private bool _residentOpen, _endOpen, _transferOpen;
    private ResidentForm _resident = new();
    private ResidentId? _ending;
    private RemovalReason _endReason = RemovalReason.Moved;
    private DateTime? _endOn;
    private TransferForm _transfer = new();
    private string? _dialogRefusal;

    /// <summary>A deed's kinds; a correction without a deed is the owners' register's own write, not a transfer.</summary>
    private static readonly TitleChange[] TransferChanges = [.. Enum.GetValues<TitleChange>().Where(c => c != TitleChange.Recorded)];

    [Parameter] public int Id { get; set; }
    [Inject] public required ArchiveQueries Archive { get; init; }
    [Inject] public required ArchiveBook Book { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private bool CanReveal => By.Can(Capability.RevealPersonalData);
    private bool SeesTags => ArchiveScope.SeesTags(By);
    private bool KeepsBook => By.Can(Capability.KeepResidentBook);
    private bool KeepsOwners => By.Can(Capability.KeepOwnerRegister);
    private DateTime Today => ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        _revealed.Clear();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            (_home, _notFound) = (await Archive.HomeAsync(By, new HomeId(Id)), false);
        }
        catch (RecordNotFoundException)
        {
            (_home, _notFound) = (null, true);
        }
    }

    private async Task RevealAsync(ResidentId residentId)
    {
        try
        {
            _revealed[residentId] = await Archive.RevealAsync(By, residentId);
            Say(null, false);
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            Say(sentence, true);
        }
    }

    private void OpenResident(HomeResidentRow? resident)
    {
        _resident = resident is null ? new ResidentForm()
            : new ResidentForm
            {
                Id = resident.Id, Name = resident.Name, Household = resident.Household, Relation = resident.Relation, Tags = resident.Tags ?? ResidentTags.None,
                MovedIn = resident.MovedInOn?.ToDateTime(TimeOnly.MinValue),
            };
        (_dialogRefusal, _residentOpen) = (null, true);
    }

    private void OpenEnd(ResidentId residentId) => (_ending, _endReason, _endOn, _dialogRefusal, _endOpen) = (residentId, RemovalReason.Moved, Today, null, true);

    /// <summary>The current owners, each kept unless unticked (a co-owner inheriting keeps their name on the title), and none new yet.</summary>
    private void OpenTransfer()
    {
        _transfer = new TransferForm { On = Today };
        _transfer.Owners.AddRange(_home!.Owners.Select(o => new OwnerRow { OnFile = o, Keeps = false, Share = o.Share }));
        (_dialogRefusal, _transferOpen) = (null, true);
    }

    private Task SaveResidentAsync() => WriteAsync(() => _resident.Id is { } id
        ? Book.ChangeResidentAsync(By, id, new ResidentChangeInput(_resident.Household, _resident.Relation, SeesTags ? _resident.Tags : null, DayOf(_resident.MovedIn)))
        : Book.AddResidentAsync(By, new HomeId(Id), new ResidentInput(_resident.Name, _resident.Household, _resident.Relation, DayOf(_resident.MovedIn),
            SeesTags ? _resident.Tags : null, Blank(_resident.IdNumber), Blank(_resident.Phone))),
        () => _residentOpen = false);

    private Task EndAsync() => WriteAsync(() => Book.RemoveResidentAsync(By, _ending!.Value, new RemovalInput(_endReason, DayOf(_endOn))), () => _endOpen = false);

    private Task TransferAsync() => WriteAsync(() => Book.TransferTitleAsync(By, new HomeId(Id), new TitleTransferInput(_transfer.Change, DayOf(_transfer.On),
        [.. _transfer.Owners.Where(o => o.OnFile is null || o.Keeps).Select(o => new OwnerInput(o.OnFile?.Id.Value, o.OnFile is null ? o.Kind : null,
            o.Name, Blank(o.IdNumber), Blank(o.Phone), _transfer.Representative == o, o.Share))])),
        () => _transferOpen = false);

    /// <summary>Writes through the book; refused, the dialog stays open with the reason, and the page shows the home again once written.</summary>
    private async Task WriteAsync(Func<Task> write, Action close)
    {
        try
        {
            await write();
            close();
            Say(Localizer["Admin.Saved"], false);
            await LoadAsync();
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            _dialogRefusal = sentence;
        }
    }

    private static DateOnly? DayOf(DateTime? date) => date is { } day ? DateOnly.FromDateTime(day) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed class ResidentForm
    {
        public ResidentId? Id { get; init; }
        public string? Name { get; set; }
        public int Household { get; set; } = 1;
        public Relation Relation { get; set; } = Relation.Head;
        public DateTime? MovedIn { get; set; }
        public ResidentTags Tags { get; set; }
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
    }

    private sealed class TransferForm
    {
        public TitleChange Change { get; set; } = TitleChange.Sale;
        public DateTime? On { get; set; }
        public List<OwnerRow> Owners { get; } = [];
        public OwnerRow? Representative { get; set; }
    }

    /// <summary>An owner now on the title (kept or not), or a new one.</summary>
    private sealed class OwnerRow
    {
        public TitleRow? OnFile { get; init; }
        public bool Keeps { get; set; }
        public string? Name { get; set; }
        public OwnerKind Kind { get; set; } = OwnerKind.Person;
        public string? IdNumber { get; set; }
        public string? Phone { get; set; }
        public decimal? Share { get; set; }
    }

    private string Confirmed(ArchiveSource source, DateTime atUtc) => ArchiveText.Confirmed(L, source, atUtc);
}
