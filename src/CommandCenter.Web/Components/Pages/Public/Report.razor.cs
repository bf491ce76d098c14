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
/// a problem picked from a short list, a few words and up to three photos, no account.
/// </summary>
public sealed partial class Report
{
    private PublicCourtyard? _courtyard;
    private string? _categoryCode;
    private string? _description;
    private string? _name;
    private string? _phone;
    private IReadOnlyList<IBrowserFile> _photos = [];
    private string? _refusal;
    private bool _sending;
    private PublicReportReceipt? _receipt;

    [Parameter] public string Code { get; set; } = "";

    [Inject] public required PublicReportService Reports { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required SubmissionLimiter Limiter { get; init; }
    [Inject] public required IHttpContextAccessor Http { get; init; }
    [Inject] public required IOptions<PhotoOptions> PhotoLimits { get; init; }

    private IEnumerable<(string Name, IReadOnlyList<PublicCategory> Items)> Groups =>
        _courtyard!.Categories.GroupBy(c => c.Code[..2])
            .Select(g => (Directory.CategoryName(g.Key), (IReadOnlyList<PublicCategory>)[.. g]));

    protected override void OnParametersSet() => _courtyard = Reports.Courtyard(Code);

    private void PickPhotos(InputFileChangeEventArgs e)
    {
        _refusal = null;
        if (e.FileCount > PublicReportService.MaxPhotos)
        {
            _refusal = L[ErrorTable.Sentence("TooManyPhotos")];
            return;
        }
        _photos = e.GetMultipleFiles(PublicReportService.MaxPhotos);
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
        var uploads = new List<UploadedPhoto>();
        try
        {
            // One byte over the limit is enough for the pipeline to refuse a photo as too large.
            foreach (var photo in _photos) uploads.Add(new UploadedPhoto(photo.OpenReadStream(PhotoLimits.Value.MaxBytes + 1L), photo.Name));
            _receipt = await Reports.ReportAsync(new PublicReportRequest(Code, _categoryCode ?? "", _description ?? "", _name, _phone), uploads);
        }
        catch (IOException)
        {
            // The browser stream refuses to deliver past its limit: the photo is too large.
            _refusal = ErrorText.Of(L, ErrorTable.OfPhoto(PhotoRefusal.TooLarge));
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
