using Microsoft.AspNetCore.Components.Forms;

namespace CommandCenter.Web.Components.Pages.Public;

/// <summary>
/// A photo the resident picked, copied over the circuit as soon as it is picked so the page can
/// show its progress, and kept until the report is sent or the photo removed.
/// </summary>
internal sealed class PickedPhoto(IBrowserFile file)
{
    private const int ChunkBytes = 64 * 1024;
    private const int ThumbnailPixels = 240;

    private readonly MemoryStream _content = new();

    public Guid Key { get; } = Guid.NewGuid();
    public string Name => file.Name;
    public long Size => file.Size;
    /// <summary>A small JPEG the browser made, as a data URL; null when it could not decode the photo (the pipeline says why on sending).</summary>
    public string? Thumbnail { get; private set; }
    public int Percent { get; private set; }
    public bool IsLoaded { get; private set; }
    public bool IsTooLarge { get; private set; }

    /// <summary>Copies the photo over the circuit, reporting each step; one byte past the limit marks it too large.</summary>
    public async Task LoadAsync(long maxBytes, Func<Task> progressed, CancellationToken cancellationToken)
    {
        try
        {
            var thumbnail = await file.RequestImageFileAsync("image/jpeg", ThumbnailPixels, ThumbnailPixels);
            await using var small = thumbnail.OpenReadStream(maxBytes, cancellationToken);
            using var buffer = new MemoryStream();
            await small.CopyToAsync(buffer, cancellationToken);
            Thumbnail = $"data:image/jpeg;base64,{Convert.ToBase64String(buffer.ToArray())}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A format the browser cannot draw (HEIC in most browsers): the name stands in for the picture.
        }
        await progressed();
        try
        {
            await using var stream = file.OpenReadStream(maxBytes + 1L, cancellationToken);
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                _content.Write(chunk, 0, read);
                var percent = Size == 0 ? 100 : (int)Math.Min(100, _content.Length * 100 / Size);
                if (percent / 10 == Percent / 10) continue;
                Percent = percent;
                await progressed();
            }
            IsLoaded = true;
        }
        catch (IOException)
        {
            // The browser stream refuses to deliver past its limit: the photo is too large.
            IsTooLarge = true;
        }
        Percent = 100;
        await progressed();
    }

    /// <summary>The photo's bytes for the pipeline, as a stream of its own per sending.</summary>
    public Stream OpenRead() => new MemoryStream(_content.GetBuffer(), 0, (int)_content.Length, writable: false);
}
