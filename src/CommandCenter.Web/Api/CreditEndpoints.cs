using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Access;
using CommandCenter.Web.Public;

namespace CommandCenter.Web.Api;

/// <summary>
/// The property companies' credit ledgers, the published 红黑榜 and the owners' committees' stars
/// (docs/decisions/0009). Who may is asked by <see cref="CreditService"/> too: a company's staff get a
/// 403 on another company's ledger. Refusals are ProblemDetails with the domain's code (422).
/// </summary>
public static class CreditEndpoints
{
    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder endpoints)
    {
        var credit = endpoints.MapGroup("/api/credit").WithTags("Credit");

        credit.MapGet("/companies", (ApiCaller caller, CreditService service, CancellationToken ct) => service.CompaniesAsync(caller.Post, ct))
            .RequireAuthorization(Policies.ViewCredit)
            .WithSummary("Property companies with today's score, band and listing (红榜/黑榜), best first; a company's staff see their own.");
        credit.MapGet("/companies/{unitId:int}", (int unitId, ApiCaller caller, CreditService service, CancellationToken ct) =>
                service.LedgerAsync(caller.Post, new UnitId(unitId), ct))
            .RequireAuthorization(Policies.ViewCredit)
            .WithSummary("A company's ledger: its standing today and every item with its validity, voiding and appeals.");
        credit.MapPost("/items", async (CreditItemInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                Created(await service.AddItemAsync(caller.Post, body, ct), body.CompanyId))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("An award, judgment or manual item; validity one year from its date unless given; veto for judgments and manual items against the company.");
        credit.MapPost("/inspections", async (InspectionInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                Created(await service.EnterInspectionAsync(caller.Post, body, ct), body.CompanyId))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("A month's street inspection score (0–100) of a company, once per month: ≥ 90 +3, ≥ 80 +1, ≥ 60 0, below −5.");
        credit.MapPost("/companies/{unitId:int}/appeals", async (int unitId, AppealInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                Results.Created($"/api/credit/companies/{unitId}", new { id = await service.AppealAsync(caller.Post, new UnitId(unitId), body, ct) }))
            .RequireAuthorization(Policies.AppealCredit)
            .WithSummary("异议 by the company's own staff against one of its items in force.");
        credit.MapPost("/companies/{unitId:int}/appeals/{appealId:long}/decision",
                async (int unitId, long appealId, AppealDecisionInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                {
                    await service.DecideAppealAsync(caller.Post, new UnitId(unitId), appealId, body, ct);
                    return Results.NoContent();
                })
            .RequireAuthorization(Policies.DecideCreditAppeal)
            .WithSummary("A street leader's decision on a pending appeal: Upheld voids the item, Rejected leaves it standing.");
        credit.MapPost("/automatic", async (MonthInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                Results.Ok(new { added = await service.RunAutomaticAsync(caller.Post, Required(body.Year, "year"), Required(body.Month, "month"), ct) }))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("The automatic items of an ended month from every company's case figures; a month runs once, again it adds nothing.");
        credit.MapPost("/publications", async (MonthInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                {
                    var list = await service.PublishAsync(caller.Post, Required(body.Year, "year"), Required(body.Month, "month"), ct);
                    return Results.Created($"/api/public/credit/{list.Month}", list);
                })
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("Publishes an ended month's list, frozen: each company's standing on the month's last day and its rank.");
        credit.MapGet("/bands", async (ApiCaller caller, CreditService service, CancellationToken ct) =>
                CreditBandsView.Of(await service.BandHistoryAsync(caller.Post, ct)))
            .RequireAuthorization(Policies.ViewCredit)
            .WithSummary("The street's credit bands: every saved revision, newest first, each in force from its month (the defaults before the first).");
        credit.MapPut("/bands", async (CreditBandsInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                CreditBandsView.RevisionOf(await service.SaveBandsAsync(caller.Post, body, ct)))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("Saves the bands (lowest score of AAA, AA, A, B) as the next revision, from a month not yet published; expectedRevision is the one the editor saw (409 when stale).");
        credit.MapGet("/rules", async (ApiCaller caller, CreditService service, CancellationToken ct) =>
                CreditRulesView.Of(await service.RuleHistoryAsync(caller.Post, ct)))
            .RequireAuthorization(Policies.ViewCredit)
            .WithSummary("The street's credit rules (automatic items' points and caps, inspection score bands, default validity): every saved revision, newest first, each in force from its month (the defaults before the first).");
        credit.MapPut("/rules", async (CreditRulesInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                CreditRulesView.RevisionOf(await service.SaveRulesAsync(caller.Post, body, ct)))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("Saves the credit rules as the next revision, from a month whose items are not made nor its list published (422 MonthAlreadyPublished); every value required and in range (422 CreditRuleOutOfRange); expectedRevision is the one the editor saw (409 when stale).");
        credit.MapGet("/committees", (int year, ApiCaller caller, CreditService service, CancellationToken ct) => service.CommitteeRatingsAsync(caller.Post, year, ct))
            .RequireAuthorization(Policies.ViewCredit)
            .WithSummary("The owners' committees' stars for a year, best first.");
        credit.MapPost("/committees", (CommitteeRatingInput body, ApiCaller caller, CreditService service, CancellationToken ct) =>
                service.RateCommitteeAsync(caller.Post, body, ct))
            .RequireAuthorization(Policies.ManageCredit)
            .WithSummary("评估定星: a courtyard's owners' committee, 1–5 stars on each of the five dimensions, once a year.");

        var published = endpoints.MapGroup("/api/public/credit").WithTags("Public (residents)").RequireRateLimiting(PublicRateLimits.ReadPolicy).AllowAnonymous();
        published.MapGet("/", (CreditService service, CancellationToken ct) => service.PublishedMonthsAsync(ct))
            .WithSummary("The months whose credit list is published, newest first.");
        published.MapGet("/{month}", async (string month, CreditService service, HttpContext http, CancellationToken ct) =>
                await service.PublicationAsync(month, ct) is { } list ? Results.Ok(list) : ApiProblem.Of(http, ErrorTable.OfStatus(StatusCodes.Status404NotFound)))
            .WithSummary("A month's published credit list (yyyy-MM), as it was frozen.");
        return endpoints;
    }

    public sealed record MonthInput(int? Year, int? Month);

    private static int Required(int? value, string field) => Infrastructure.Cases.RequestField.Required(value, field);

    private static IResult Created(long id, UnitId? companyId) => Results.Created($"/api/credit/companies/{companyId?.Value}", new { id });
}
