using System.Globalization;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Api;
using CommandCenter.Web.Public;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Components.Pages.Public;

/// <summary>
/// What a resident's phone opens from the courtyard's QR code: the courtyard already known,
/// a problem picked from a short list, the facility it is about if the courtyard keeps any, a few words and up to three photos,
/// no account.
/// </summary>
public sealed partial class Report
{
    private PublicCourtyard? _courtyard;
    private string? _categoryCode;
    private string? _description;
    private string? _name;
    private string? _phone;
    private string? _group;
    private FacilityId? _facilityId;
    private readonly List<PickedPhoto> _photos = [];
    private string? _refusal;
    private bool _sending;
    private PublicReportReceipt? _receipt;

    [Parameter] public string Code { get; set; } = "";

    [Inject] public required PublicReportService Reports { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required SubmissionLimiter Limiter { get; init; }
    [Inject] public required IHttpContextAccessor Http { get; init; }
    [Inject] public required IOptions<PhotoOptions> PhotoLimits { get; init; }

    /// <summary>The courtyard's problems by group, in the order the service gives them (most reported first).</summary>
    private IEnumerable<(string Key, string Name, IReadOnlyList<PublicCategory> Items)> Groups =>
        _courtyard!.Categories.GroupBy(c => c.Code[..2])
            .Select(g => (g.Key, Directory.CategoryName(g.Key), (IReadOnlyList<PublicCategory>)[.. g]));

    private bool CanSend => !_sending && _categoryCode is not null && _photos.All(p => p.IsLoaded);

    protected override async Task OnParametersSetAsync() => _courtyard = await Reports.CourtyardAsync(Code);

    private void ChangeGroup()
    {
        _group = null;
        _categoryCode = null;
    }

    private void PickFacility(ChangeEventArgs e) =>
        _facilityId = FacilityId.TryParse(e.Value as string, CultureInfo.InvariantCulture, out var picked) ? picked : null;

    private async Task PickPhotosAsync(InputFileChangeEventArgs e)
    {
        _refusal = null;
        if (_photos.Count + e.FileCount > PublicReportService.MaxPhotos)
        {
            _refusal = L[ErrorTable.Sentence("TooManyPhotos")];
            return;
        }
        var picked = e.GetMultipleFiles(PublicReportService.MaxPhotos).Select(file => new PickedPhoto(file)).ToList();
        _photos.AddRange(picked);
        foreach (var photo in picked)
        {
            await photo.LoadAsync(PhotoLimits.Value.MaxBytes, () => InvokeAsync(StateHasChanged), CancellationToken.None);
            if (!photo.IsTooLarge) continue;
            _photos.Remove(photo);
            _refusal = ErrorText.Of(L, ErrorTable.OfPhoto(PhotoRefusal.TooLarge));
        }
    }

    private void Remove(PickedPhoto photo)
    {
        _photos.Remove(photo);
        _refusal = null;
    }

    private async Task SendAsync()
    {
        _refusal = null;
        if (!Limiter.TryAcquire(PublicRateLimits.ClientKey(Http.HttpContext), out _))
        {
            _refusal = ErrorText.Of(L, ErrorTable.OfStatus(StatusCodes.Status429TooManyRequests));
            return;
        }
        _sending = true;
        var uploads = _photos.Select(photo => new UploadedPhoto(photo.OpenRead(), photo.Name)).ToList();
        try
        {
            _receipt = await Reports.ReportAsync(new PublicReportRequest(Code, _categoryCode ?? "", _description ?? "", _name, _phone, _facilityId), uploads);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            _refusal = message;
        }
        finally
        {
            foreach (var upload in uploads) await upload.Content.DisposeAsync();
            _sending = false;
        }
    }
}
