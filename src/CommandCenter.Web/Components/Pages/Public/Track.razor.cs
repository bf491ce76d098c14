using CommandCenter.Web.Components.Controls;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Api;
using CommandCenter.Web.Public;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Public;

/// <summary>
/// The resident's view of one case by tracking code: where it is, updating by itself as the
/// street works it, and the rating when it is done (不满意 sends it back, DESIGN §3).
/// </summary>
public sealed partial class Track
{
    private PublicCaseView? _view;
    private int _version;
    private Rating? _rating;
    private string? _comment;
    private string? _refusal;
    private LiveCaseFeed? _live;

    [Parameter] public string Code { get; set; } = "";

    [Inject] public required PublicReportService Reports { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required SubmissionLimiter Limiter { get; init; }
    [Inject] public required IHttpContextAccessor Http { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _view = await Reports.TrackAsync(Code);
        if (_view is null || !RendererInfo.IsInteractive || _live is not null) return;
        var caseId = _view.CaseId;
        _live = LiveCaseFeed.Follow(Events, e => e.CaseId == caseId, _ => ReloadAsync(), InvokeAsync, LiveCaseFeed.PhoneInterval, Clock);
    }

    private async Task ReloadAsync()
    {
        _view = await Reports.TrackAsync(Code);
        _version++;
        StateHasChanged();
    }

    private async Task RateAsync()
    {
        _refusal = null;
        if (_rating is not { } rating) return;
        if (!Limiter.TryAcquire(PublicRateLimits.ClientKey(Http.HttpContext), out _))
        {
            _refusal = ErrorText.Of(L, ErrorTable.OfStatus(StatusCodes.Status429TooManyRequests));
            return;
        }
        try
        {
            await Reports.RateAsync(Code, rating, _comment);
            await ReloadAsync();
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
    }

    public void Dispose() => _live?.Dispose();
}
