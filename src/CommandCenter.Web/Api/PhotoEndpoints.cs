using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Mvc;

namespace CommandCenter.Web.Api;

/// <summary>
/// Staff upload a photo here first, then attach it to progress or done by the id this answers:
/// a case event can hold only photos this system stored, never a path a caller typed.
/// </summary>
public static class PhotoEndpoints
{
    /// <summary>One photo at the pipeline's 10 MB, and the form around it.</summary>
    public const long MaxUploadBytes = 11 * 1024 * 1024;

    public static IEndpointRouteBuilder MapPhotoUpload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/photos", UploadAsync)
            .RequireAuthorization(Policies.HandleTasks)
            // A bearer token, never a cookie alone, carries an API upload: nothing for a forged form to ride on.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes })
            .WithTags("Photos")
            .WithSummary("Stores one photo (multipart field \"photo\": JPEG, PNG or WebP) for a later report, progress or done of the same staff member to attach by id (unattached uploads are removed after a day); 422 naming why a file is refused.")
            .Produces<UploadedPhotoView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    /// <remarks>Refusals are thrown, so the one exception handler words them in the caller's language like every other.</remarks>
    private static async Task<IResult> UploadAsync(HttpContext http, ApiCaller caller, StaffPhotos photos, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Send the photo as multipart/form-data, in the field \"photo\".", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files is not [var file] || file.Name != "photo")
            throw new DomainValidationException("OnePhoto", "Send exactly one file, in the field \"photo\".", "photo");
        await using var content = file.OpenReadStream();
        var batch = await photos.UploadAsync(new UploadedPhoto(content, file.FileName), caller.Post, ct);
        if (batch.Refusal is { } refusal)
            throw new PublicReportRefusedException("Photo", "photo", $"Photo {file.FileName} refused: {refusal}.", refusal);
        var photo = batch.Photos[0];
        var path = StoredPhoto.PathOf(photo.Id);
        return Results.Created(path, new UploadedPhotoView(photo.Id, path));
    }
}

/// <summary>A stored photo: its id for <c>photoIds</c>, and where staff may view it.</summary>
public sealed record UploadedPhotoView(Guid Id, string Path);
