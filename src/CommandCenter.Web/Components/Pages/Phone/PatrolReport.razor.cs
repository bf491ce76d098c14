using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Components.Pages.Phone;

/// <summary>
/// 随手拍: a problem seen on patrol, reported on the spot — photos, the problem from a short list,
/// a few words and one of the person's own courtyards, and the courtyard's facility it is about if any (a grid worker at a lift);
/// the case and its photos are written together.
/// </summary>
public sealed partial class PatrolReport
{
    private Post _post = null!;
    private IReadOnlyList<Courtyard> _courtyards = [];
    private IReadOnlyList<IBrowserFile> _photos = [];
    private CourtyardId? _courtyardId;
    private IReadOnlyList<FacilityChoice> _facilities = [];
    private FacilityId? _facilityId;
    private string? _categoryCode;
    private string? _description;
    private string? _refusal;
    private bool _sending;
    private string? _reported;

    /// <summary>The courtyard to report in, when opened from a home on the round; ignored unless it is one of the person's own.</summary>
    [SupplyParameterFromQuery(Name = "courtyard")] public int? PresetCourtyard { get; set; }

    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required PhotoStore Photos { get; init; }
    [Inject] public required IOptions<PhotoOptions> PhotoLimits { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _post = Actor.Post.Via(ActSource.Phone);
        _courtyards = Queries.ReportableCourtyards(_post);
        Reset();
        await CourtyardChangedAsync(_courtyardId);
    }

    private async Task CourtyardChangedAsync(CourtyardId? courtyardId)
    {
        (_courtyardId, _facilityId) = (courtyardId, null);
        _facilities = courtyardId is { } courtyard ? await Queries.ReportableFacilitiesAsync(_post, courtyard) : [];
    }

    private string FacilityText(FacilityId? id) =>
        _facilities.FirstOrDefault(f => f.Id == id) is { } facility ? ArchiveText.Facility(L, facility.Kind, facility.Place) : "";

    private void Reset()
    {
        _reported = null;
        _photos = [];
        _categoryCode = null;
        _description = null;
        _refusal = null;
        _facilityId = null;
        // Someone who looks after one courtyard should not have to pick it.
        _courtyardId = _courtyards.Count == 1 ? _courtyards[0].Id
            : _courtyards.FirstOrDefault(c => c.Id.Value == PresetCourtyard) is { } preset ? preset.Id : null;
    }

    private async Task SendAsync()
    {
        _refusal = null;
        _sending = true;
        try
        {
            var photos = await PhonePhotos.PrepareAsync(Photos, _photos, PhotoLimits.Value, L, CancellationToken.None);
            if (photos.Refusal is { } refusal)
            {
                _refusal = refusal;
                return;
            }
            var reported = await Cases.ReportAsync(
                new ReportCaseRequest(Channel.GridPatrol, _categoryCode!, Urgency.Normal, _courtyardId!.Value, null, _description ?? "", FacilityId: _facilityId),
                _post, CancellationToken.None, new CaseEnclosures(photos.Batch!.Photos));
            _reported = reported.Number;
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
        finally
        {
            _sending = false;
        }
    }
}
