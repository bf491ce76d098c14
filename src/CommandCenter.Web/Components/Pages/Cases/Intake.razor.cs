using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// Hotline and dispatcher entry. While courtyard and category are known, reports of the same
/// courtyard and category in the last 24 h are offered, so a duplicate is seen before it is made.
/// </summary>
public sealed partial class Intake
{
    private Channel _channel = Channel.Hotline;
    private string? _categoryCode;
    private Urgency _urgency = Urgency.Normal;
    private CommunityId? _communityId;
    private CourtyardId? _courtyardId;
    private BuildingId? _buildingId;
    private FacilityId? _facilityId;
    private IReadOnlyList<FacilityChoice> _facilities = [];
    private string? _description;
    private string? _reporterName;
    private string? _reporterPhone;
    private IReadOnlyList<CaseListItem> _duplicates = [];
    private string? _error;
    private bool _busy;

    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>Only courtyards the post may report in, as intake checks; and only communities that have one.</summary>
    private IEnumerable<Courtyard> Courtyards => Queries.ReportableCourtyards(Actor.Post).Where(c => c.CommunityId == _communityId);

    private IEnumerable<Community> Communities =>
        Directory.Communities.Where(community => Queries.ReportableCourtyards(Actor.Post).Any(c => c.CommunityId == community.Id));

    private IEnumerable<Building> Buildings => _courtyardId is { } courtyard ? Directory.BuildingsOf(courtyard) : [];

    private string CategoryText(string? code) => code is null ? "" : Directory.CategoryName(code);

    private Task CategoryChangedAsync(string? code)
    {
        _categoryCode = code;
        // The category's usual urgency as a start; the dispatcher hears the caller and may change it.
        if (code is not null && Directory.Category(code) is { } category) _urgency = category.DefaultUrgency;
        return FindDuplicatesAsync();
    }

    private Task CommunityChangedAsync(CommunityId? communityId)
    {
        _communityId = communityId;
        return CourtyardChangedAsync(null);
    }

    private async Task CourtyardChangedAsync(CourtyardId? courtyardId)
    {
        _courtyardId = courtyardId;
        _buildingId = null;
        _facilityId = null;
        _facilities = courtyardId is { } courtyard ? await Queries.ReportableFacilitiesAsync(Actor.Post, courtyard) : [];
        await FindDuplicatesAsync();
    }

    private string FacilityText(FacilityId? id) =>
        _facilities.FirstOrDefault(f => f.Id == id) is { } facility ? ArchiveText.Facility(L, facility.Kind, facility.Place) : "";

    private async Task FindDuplicatesAsync() =>
        _duplicates = _courtyardId is { } courtyard && _categoryCode is { } category
            ? await Queries.DuplicatesAsync(Actor.Post, courtyard, category)
            : [];

    private async Task SubmitAsync()
    {
        _error = MissingChoice();
        if (_error is not null) return;

        _busy = true;
        try
        {
            var reported = await Cases.ReportAsync(
                new ReportCaseRequest(_channel, _categoryCode!, _urgency, _courtyardId!.Value, _buildingId, _description ?? "",
                    _reporterName, _reporterPhone, FacilityId: _facilityId),
                Actor.Post);
            Navigation.NavigateTo($"/cases/{reported.Id}");
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _error = message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The pickers the request cannot be built without; the domain checks everything else.</summary>
    private string? MissingChoice() =>
        _categoryCode is null ? L["Error.Required", L["Field.CategoryCode"]].Value
        : _courtyardId is null ? L["Error.Required", L["Field.CourtyardId"]].Value
        : null;
}
