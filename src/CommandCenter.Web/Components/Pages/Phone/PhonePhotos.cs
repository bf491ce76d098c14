using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Phone;

/// <summary>Photos picked on the phone, through the shared pipeline: ready to store with an event, or one sentence saying why not.</summary>
internal sealed record PhonePhotos(PhotoBatch? Batch, string? Refusal)
{
    public static async Task<PhonePhotos> PrepareAsync(
        PhotoStore store, IReadOnlyList<IBrowserFile> files, PhotoOptions limits, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var uploads = new List<UploadedPhoto>(files.Count);
        try
        {
            // One byte over the limit is enough for the pipeline to refuse a photo as too large.
            foreach (var file in files) uploads.Add(new UploadedPhoto(file.OpenReadStream(limits.MaxBytes + 1L, cancellationToken), file.Name));
            var batch = await store.PrepareAsync(uploads, cancellationToken);
            return batch.Refusal is { } refusal ? Refused(refusal, text) : new PhonePhotos(batch, null);
        }
        catch (IOException)
        {
            // The browser stream refuses to deliver past its limit: the photo is too large.
            return Refused(PhotoRefusal.TooLarge, text);
        }
        finally
        {
            foreach (var upload in uploads) await upload.Content.DisposeAsync();
        }
    }

    private static PhonePhotos Refused(PhotoRefusal refusal, IStringLocalizer text) => new(null, ErrorText.Of(text, ErrorTable.OfPhoto(refusal)));
}
