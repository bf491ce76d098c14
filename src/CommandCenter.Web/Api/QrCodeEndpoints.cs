using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Access;
using CommandCenter.Web.QrCodes;
using Microsoft.Extensions.Localization;

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

    private static IResult Png(int id, int? size, HttpRequest request, OrganisationDirectory directory, IConfiguration configuration)
    {
        if (directory.Courtyard(id) is not { } courtyard) return CourtyardNotFound(id);
        var pixelsPerModule = size ?? CourtyardQrCode.DefaultPixelsPerModule;
        if (pixelsPerModule is < CourtyardQrCode.MinPixelsPerModule or > CourtyardQrCode.MaxPixelsPerModule)
            return SizeOutOfRange(pixelsPerModule, request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        var png = CourtyardQrCode.Png(ReportUrl(request, directory.Street, courtyard, configuration), pixelsPerModule);
        return Results.File(png, "image/png", $"{CourtyardCode.Of(directory.Street, courtyard)}.png");
    }

    private static IResult Svg(int id, HttpRequest request, OrganisationDirectory directory, IConfiguration configuration)
    {
        if (directory.Courtyard(id) is not { } courtyard) return CourtyardNotFound(id);
        var svg = CourtyardQrCode.Svg(ReportUrl(request, directory.Street, courtyard, configuration));
        return Results.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"{CourtyardCode.Of(directory.Street, courtyard)}.svg");
    }

    private static string ReportUrl(HttpRequest request, Street street, Courtyard courtyard, IConfiguration configuration) =>
        CourtyardQrCode.ReportUrl(PublicSite.BaseAddress(configuration, PublicSite.RequestBase(request)), street, courtyard);

    private static IResult CourtyardNotFound(int id) =>
        ApiProblem.Of(StatusCodes.Status404NotFound, nameof(HttpProblem.NotFound), extensions: ("courtyardId", id));

    private static IResult SizeOutOfRange(int size, IStringLocalizer text) =>
        ApiProblem.Of(StatusCodes.Status400BadRequest, "OutOfRange", ErrorText.Of(text, "OutOfRange", StatusCodes.Status400BadRequest, "size"),
            ("field", "size"), ("min", CourtyardQrCode.MinPixelsPerModule), ("max", CourtyardQrCode.MaxPixelsPerModule), ("value", size));
}
