using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Web.Api;
using CommandCenter.Web.Api.Exports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.JSInterop;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Archive;

/// <summary>
/// People by tag (e.g. every elderly person living alone in one community, for a heat wave): current residents
/// in the post's scope, a page at a time from the server, numbers masked; one record's numbers revealed on
/// request, each reveal audited by <see cref="ArchiveQueries.RevealAsync"/>.
/// </summary>
public sealed partial class PeopleByTagPage
{
    private static readonly int[] PageSizes = [25, 50, 100, PeopleQuery.MaxPageSize];

    private MudTable<PersonRow> _table = null!;
    private ResidentTags _tag = ResidentTags.ElderlyAlone;
    private CommunityId? _communityId;
    private CourtyardId? _courtyardId;
    private readonly Dictionary<ResidentId, RevealedNumbers> _revealed = [];
    private string? _refusal;
    private bool _exporting;
    private string? _reason, _exportRefusal;

    [Inject] public required ArchiveQueries Archive { get; init; }
    [Inject] public required Infrastructure.Organisation.OrganisationDirectory Directory { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private bool CanReveal => By.Can(Capability.RevealPersonalData);

    /// <summary>The communities the scope reaches into, to narrow the search to one.</summary>
    private IEnumerable<CommunityId> Communities => Archive.VisibleCourtyards(By).Select(c => c.CommunityId).Distinct();

    private IEnumerable<Courtyard> Courtyards => Archive.VisibleCourtyards(By).Where(c => _communityId is not { } community || c.CommunityId == community);

    private async Task<TableData<PersonRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Archive.PeopleAsync(By, new PeopleQuery(_tag, _communityId, _courtyardId, state.Page, state.PageSize), cancellationToken);
        return new TableData<PersonRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task FilterAsync(Action change)
    {
        change();
        _revealed.Clear();
        await _table.ReloadServerData();
    }

    private async Task RevealAsync(ResidentId residentId)
    {
        try
        {
            _revealed[residentId] = await Archive.RevealAsync(By, residentId);
            _refusal = null;
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            _refusal = sentence;
        }
    }

    /// <summary>
    /// The search's people as the API's download holds them (<see cref="ArchiveEndpoints.PeopleTable"/>), exported by the same
    /// audited service with the reason given, and handed to the browser as a file.
    /// </summary>
    private async Task ExportAsync(ExportFormat format)
    {
        try
        {
            var people = await Archive.ExportPeopleAsync(By, new PeopleQuery(_tag, _communityId, _courtyardId), _reason);
            var name = $"people-{_tag}-{ChinaTime.ToLocal(Clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}";
            var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
            await ArchiveEndpoints.PeopleTable(Localizer, people).ToResult(format, name).ExecuteAsync(http);
            http.Response.Body.Position = 0;
            using var file = new DotNetStreamReference(http.Response.Body);
            await JS.InvokeVoidAsync("ccDownload", $"{name}.{format.ToString().ToLowerInvariant()}", file);
            (_exporting, _exportRefusal, _reason) = (false, null, null);
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            _exportRefusal = sentence;
        }
    }
}
