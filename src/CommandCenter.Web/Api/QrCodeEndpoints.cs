using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Access;
using CommandCenter.Web.QrCodes;

namespace CommandCenter.Web.Api;

/// <summary>Each courtyard's QR code, to download for posters, leaflets and notice boards.</summary>
public static class QrCodeEndpoints
{
    public static IEndpointRouteBuilder MapQrCodeApi(this IEndpointRouteBuilder endpoints)
    {
        var courtyard = endpoints.MapGroup("/api/courtyards/{id:int}").WithTags("QR codes").RequireAuthorization(Policies.PrintPosters);
        courtyard.MapGet("/qr.png", Png)
            .WithSummary($"The courtyard's QR code as PNG; size is pixels per module, {CourtyardQrCode.MinPixelsPerModule} to {CourtyardQrCode.MaxPixelsPerModule}.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        courtyard.MapGet("/qr.svg", Svg)
            .WithSummary("The courtyard's QR code as SVG, scaling to any size.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static IResult Png(CourtyardId id, int? size, HttpRequest request, OrganisationDirectory directory, IConfiguration configuration)
    {
        if (directory.Courtyard(id) is not { } courtyard) return CourtyardNotFound(request.HttpContext, id);
        var pixelsPerModule = size ?? CourtyardQrCode.DefaultPixelsPerModule;
        if (pixelsPerModule is < CourtyardQrCode.MinPixelsPerModule or > CourtyardQrCode.MaxPixelsPerModule)
            return SizeOutOfRange(request.HttpContext, pixelsPerModule);
        var png = CourtyardQrCode.Png(ReportUrl(request, directory.StreetOf(courtyard)!, courtyard, configuration), pixelsPerModule);
        return Results.File(png, "image/png", $"{CourtyardCode.Of(directory.StreetOf(courtyard)!, courtyard)}.png");
    }

    private static IResult Svg(CourtyardId id, HttpRequest request, OrganisationDirectory directory, IConfiguration configuration)
    {
        if (directory.Courtyard(id) is not { } courtyard) return CourtyardNotFound(request.HttpContext, id);
        var svg = CourtyardQrCode.Svg(ReportUrl(request, directory.StreetOf(courtyard)!, courtyard, configuration));
        return Results.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"{CourtyardCode.Of(directory.StreetOf(courtyard)!, courtyard)}.svg");
    }

    private static string ReportUrl(HttpRequest request, Street street, Courtyard courtyard, IConfiguration configuration) =>
        CourtyardQrCode.ReportUrl(PublicSite.BaseAddress(configuration, PublicSite.RequestBase(request)), street, courtyard);

    private static IResult CourtyardNotFound(HttpContext http, CourtyardId id) =>
        ApiProblem.Of(http, ErrorTable.OfStatus(StatusCodes.Status404NotFound) with { Extensions = [new("courtyardId", id)] });

    private static IResult SizeOutOfRange(HttpContext http, int size) =>
        ApiProblem.Of(http, new ErrorEntry(StatusCodes.Status400BadRequest, "OutOfRange", ErrorTable.Sentence("OutOfRange"))
        {
            Field = "size",
            Extensions = [new("min", CourtyardQrCode.MinPixelsPerModule), new("max", CourtyardQrCode.MaxPixelsPerModule), new("value", size)],
        });
}
