using System.Globalization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace CommandCenter.Web.Public;

/// <summary>
/// The residents' API, for the QR pages' equivalents in other apps: no account, rate-limited,
/// privacy-filtered. The same <see cref="PublicReportService"/> serves the pages.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>Three photos at the pipeline's 10 MB each, and the text.</summary>
    public const long MaxReportBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/public").WithTags("Public (residents)").RequireRateLimiting(PublicRateLimits.ReadPolicy).AllowAnonymous();

        api.MapGet("/courtyards/{code}", async (string code, PublicReportService reports, HttpContext http, CancellationToken ct) =>
            await reports.CourtyardAsync(code, ct) is { } courtyard ? Results.Ok(courtyard) : NotFound(http, "UnknownCourtyard"));

        api.MapPost("/reports", ReportAsync)
            .DisableAntiforgery() // No cookies are involved: there is nothing for a forged request to ride on.
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxReportBytes });

        api.MapGet("/track/{code}", async (string code, PublicReportService reports, HttpContext http, CancellationToken ct) =>
            await reports.TrackAsync(code, ct) is { } view ? Results.Ok(PublicCaseDto.Of(view)) : NotFound(http, "UnknownTracking"));

        api.MapPost("/track/{code}/rating", async (string code, RatingRequest body, PublicReportService reports, SubmissionLimiter limiter, HttpContext http, CancellationToken ct) =>
        {
            if (!limiter.TryAcquire(PublicRateLimits.ClientKey(http), out var wait)) return ApiProblem.TooManyRequests(http, wait);
            await reports.RateAsync(code, body.Rating, body.Comment, ct);
            return Results.NoContent();
        });

        endpoints.MapGet("/photos/{id:guid}", async (Guid id, string? t, HttpContext http, PublicReportService reports, OrganisationDirectory directory, CancellationToken ct) =>
                await reports.PhotoAsync(id, PostClaims.PostOf(http.User, directory, ActSource.Api), t, ct) is { } photo
                    ? Results.File(photo.Content, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Sha256}\""))
                    : ApiProblem.Of(http, ErrorTable.OfStatus(StatusCodes.Status404NotFound)))
            .RequireRateLimiting(PublicRateLimits.ReadPolicy)
            // Staff by their post's scope; residents by their tracking code (t), with no account.
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, PublicReportService reports, SubmissionLimiter limiter, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return ApiProblem.Of(http, new ErrorEntry(StatusCodes.Status415UnsupportedMediaType, "NotAForm", ErrorTable.Sentence("NotAForm")));
        if (!limiter.TryAcquire(PublicRateLimits.ClientKey(http), out var wait)) return ApiProblem.TooManyRequests(http, wait);
        // Already read, or refused as unreadable, by FormBodies before the endpoint runs.
        var form = await http.Request.ReadFormAsync(ct);
        var facility = form.Single("facilityId");
        FacilityId? facilityId = null;
        if (facility.Length > 0)
        {
            // As the staff API answers a facilityId that is no whole number: the body is unreadable at that field.
            if (!FacilityId.TryParse(facility, CultureInfo.InvariantCulture, out var parsed))
                return ApiProblem.Of(http, new ErrorEntry(StatusCodes.Status400BadRequest, nameof(HttpProblem.UnreadableBody), ErrorTable.Sentence("UnreadableField"))
                    { Field = "facilityId" });
            facilityId = parsed;
        }
        var request = new PublicReportRequest(form.Single("courtyardCode"), form.Single("categoryCode"), form.Single("description"),
            form.Single("name"), form.Single("phone"), facilityId);
        var photos = form.Files.GetFiles("photos");
        var uploads = new List<UploadedPhoto>();
        try
        {
            foreach (var photo in photos) uploads.Add(new UploadedPhoto(photo.OpenReadStream(), photo.FileName));
            var receipt = await reports.ReportAsync(request, uploads, ct);
            return Results.Created($"/api/public/track/{receipt.TrackingCode}", new
            {
                receipt.Number, receipt.TrackingCode, TrackingUrl = $"/t/{receipt.TrackingCode}", receipt.Similar,
            });
        }
        finally
        {
            foreach (var upload in uploads) await upload.Content.DisposeAsync();
        }
    }

    /// <summary>404 with the code every API 404 has, said as what the resident looked for.</summary>
    private static IResult NotFound(HttpContext http, string what) =>
        ApiProblem.Of(http, ErrorTable.OfStatus(StatusCodes.Status404NotFound) with { MessageKey = ErrorTable.Sentence(what) });

    public sealed record RatingRequest(Rating? Rating, string? Comment);
}

/// <summary>The public timeline as JSON: the view without the case's internal id.</summary>
public sealed record PublicCaseDto(
    string Number, string CategoryCode, Domain.Organisation.CourtyardId CourtyardId, CaseState State, Domain.Organisation.HandlingLevel Level, DateTime ReportedAtUtc,
    IReadOnlyList<PublicStep> Steps, IReadOnlyList<string> PhotoPaths, Rating? Rating, bool CanRate, string? MergedIntoNumber, PublicResult? Result)
{
    public static PublicCaseDto Of(PublicCaseView v) =>
        new(v.Number, v.CategoryCode, v.CourtyardId, v.State, v.Level, v.ReportedAtUtc, v.Steps, v.PhotoPaths, v.Rating, v.CanRate, v.MergedIntoNumber, v.Result);
}
