using System.Globalization;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>一本账: one courtyard's archive as the signed-in post may see it; outside its scope the courtyard is not found.</summary>
public sealed partial class CourtyardArchivePage
{
    private CourtyardArchiveView? _view;
    private bool _notFound;
    // One building's homes at a time, read when opened: a courtyard may hold 25,000.
    private RoundBuildingView? _open;
    // One facility's latest cases at a time, read when its count is opened.
    private (long Id, IReadOnlyList<HomeCaseRow> Cases)? _facilityCases;

    private bool _bodyOpen, _facilityOpen;
    private BodyForm _body = new();
    private FacilityForm _facility = new();
    // The sentence of a refusal and the field it names, said under that field.
    private string? _refusal, _refusalField;

    [Parameter] public int Id { get; set; }
    [Inject] public required ArchiveQueries Archive { get; init; }
    [Inject] public required ArchiveRound Round { get; init; }
    [Inject] public required CourtyardLists Lists { get; init; }

    private bool KeepsBodies => CourtyardListRights.KeepsBodies(By);
    private bool KeepsFacilities => CourtyardListRights.KeepsFacilities(By);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _view = await Archive.CourtyardAsync(By, new CourtyardId(Id));
            (_open, _facilityCases, _notFound) = (null, null, false);
        }
        catch (RecordNotFoundException)
        {
            (_view, _notFound) = (null, true);
        }
    }

    private async Task ToggleFacilityCasesAsync(long facilityId) =>
        _facilityCases = _facilityCases?.Id == facilityId ? null : (facilityId, await Archive.FacilityCasesAsync(By, facilityId));

    private async Task ToggleAsync(BuildingId buildingId) =>
        _open = _open?.BuildingId == buildingId ? null : await Round.BuildingAsync(By, new CourtyardId(Id), buildingId);

    private IEnumerable<(string Label, string Value, string Key)> Figures(CourtyardArchiveView view) =>
    [
        (L["Archive.Homes"], N(view.Homes), "homes"),
        (L["Archive.Area"], view.ExclusiveArea.ToString("N0", CultureInfo.CurrentCulture) + " m²", "area"),
        (L["Archive.OwnerHeadCount"], N(view.OwnerHeadCount), "owners"),
        (L["Archive.Residents"], N(view.Residents), "residents"),
        (L["Archive.VisitedThisQuarter", view.Quarter.Year, view.Quarter.Number], $"{N(view.VisitedThisQuarter)} · {view.VisitedShare:P0}", "visited"),
        (L["Archive.CasesOpen"], N(view.Cases.Open), "open-cases"),
        (L["Archive.Cases30"], N(view.Cases.Last30Days), "cases-30"),
    ];

    /// <summary>The bodies the signed-in post may see; the party group only by those who see residents' tags.</summary>
    private IEnumerable<CourtyardBody> Bodies => Enum.GetValues<CourtyardBody>().Where(b => CourtyardListRights.Sees(By, b));

    /// <summary>The body as on file, to be corrected and saved whole, as the API writes it.</summary>
    private void OpenBody(CourtyardBody body)
    {
        var members = _view!.Members.Where(m => m.Body == body).ToList();
        _body = new BodyForm
        {
            Body = body,
            TermFrom = members.FirstOrDefault()?.TermFrom?.ToDateTime(TimeOnly.MinValue),
            TermUntil = members.FirstOrDefault()?.TermUntil?.ToDateTime(TimeOnly.MinValue),
        };
        _body.Members.AddRange(members.Select(m => new MemberForm { Name = m.Name, Role = m.Role, Building = m.BuildingId }));
        (_refusal, _refusalField, _bodyOpen) = (null, null, true);
    }

    private void AddMember() => _body.Members.Add(new MemberForm
    {
        Role = _body.Body == CourtyardBody.OwnersCommittee && _body.Members.Count > 0 ? BodyRole.Member : CourtyardMember.RolesOf(_body.Body)[0],
    });

    private Task SaveBodyAsync()
    {
        var committee = _body.Body == CourtyardBody.OwnersCommittee;
        var input = new BodyInput([.. _body.Members.Select(m => new MemberInput(m.Name, _body.Body == CourtyardBody.BuildingHeads ? BodyRole.BuildingHead : m.Role,
            _body.Body == CourtyardBody.BuildingHeads ? m.Building?.Value : null))],
            committee ? DayOf(_body.TermFrom) : null, committee ? DayOf(_body.TermUntil) : null);
        return WriteAsync(() => Lists.RecordBodyAsync(By, new CourtyardId(Id), _body.Body, input), () => _bodyOpen = false);
    }

    private void OpenFacility(FacilityRow? row)
    {
        _facility = row is null ? new FacilityForm()
            : new FacilityForm { Id = row.Id, Kind = row.Kind, Count = row.Count, Place = row.Place, State = row.State, Building = row.BuildingId };
        (_refusal, _refusalField, _facilityOpen) = (null, null, true);
    }

    private Task SaveFacilityAsync()
    {
        var input = new FacilityInput(_facility.Kind, _facility.Count, _facility.Place, _facility.State, _facility.Building?.Value);
        return WriteFacilityAsync(() => _facility.Id is { } id ? Lists.ChangeFacilityAsync(By, id, input) : Lists.AddFacilityAsync(By, new CourtyardId(Id), input));
    }

    private Task WriteFacilityAsync(Func<Task> write) => WriteAsync(write, () => _facilityOpen = false);

    /// <summary>Writes through <see cref="CourtyardLists"/>; refused, the dialog stays open with the reason under the field it names.</summary>
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
            (_refusal, _refusalField) = (sentence, ErrorTable.Of(e).Field);
        }
    }

    private string BuildingName(BuildingId? id) => _view?.Buildings.FirstOrDefault(b => b.Id == id)?.Name ?? "";

    private static DateOnly? DayOf(DateTime? date) => date is { } day ? DateOnly.FromDateTime(day) : null;

    private sealed class BodyForm
    {
        public CourtyardBody Body { get; init; }
        public List<MemberForm> Members { get; } = [];
        public DateTime? TermFrom { get; set; }
        public DateTime? TermUntil { get; set; }
    }

    private sealed class FacilityForm
    {
        public long? Id { get; init; }
        public FacilityKind Kind { get; set; }
        public int Count { get; set; } = 1;
        public string? Place { get; set; }
        public FacilityState State { get; set; }
        public BuildingId? Building { get; set; }
    }

    private sealed class MemberForm
    {
        public string? Name { get; set; }
        public BodyRole Role { get; set; }
        public BuildingId? Building { get; set; }
    }

    private string Confirmed(ArchiveSource source, DateTime atUtc) => ArchiveText.Confirmed(L, source, atUtc);

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
