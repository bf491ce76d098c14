using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommandCenter.Web.Api;

/// <summary>The case API: intake, queues, detail and one POST per command.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases").WithTags("Cases");

        cases.MapGet("/", QueueAsync).WithSummary("A page of cases, filtered, searched and sorted by the database.");
        cases.MapGet("/{id:guid}", DetailAsync).WithSummary("One case with its timeline and the commands it allows now.");
        cases.MapGet("/by-number/{number}", ByNumberAsync).WithSummary("One case by its number, e.g. CT-20261122-0042.");
        cases.MapGet("/duplicates", DuplicatesAsync).WithSummary("Cases of the same courtyard and category in the last 24 h.");
        cases.MapPost("/", ReportAsync).WithSummary("Intake from any channel.");

        MapCommand<AcceptCase>(cases, "accept");
        MapCommand<RejectCase>(cases, "reject");
        MapCommand<MergeCase>(cases, "merge");
        MapCommand<DispatchCase>(cases, "dispatch");
        MapCommand<SignCase>(cases, "sign");
        MapCommand<ReturnCase>(cases, "return");
        MapCommand<AddProgress>(cases, "progress");
        MapCommand<ReportDone>(cases, "done");
        MapCommand<RequestPostponement>(cases, "postponement");
        MapCommand<RequestDeferral>(cases, "deferral");
        MapCommand<RequestEscalation>(cases, "escalation-request");
        MapCommand<ApproveRequest>(cases, "request/approve");
        MapCommand<RefuseRequest>(cases, "request/refuse");
        MapCommand<VerifyCase>(cases, "verify");
        MapCommand<RateCase>(cases, "rate");
        MapCommand<AutoCloseCase>(cases, "auto-close");
        MapCommand<SuperviseCase>(cases, "supervise");
        MapCommand<EscalateCase>(cases, "escalate");
        MapCommand<ClosePart>(cases, "parts/close");

        endpoints.MapGet("/api/departments/{unitId:int}/tickets", async (int unitId, CaseQueries queries, OrganisationDirectory directory, CancellationToken ct) =>
                directory.Unit(unitId) is null
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unit not found", detail: $"Unit {unitId} does not exist.")
                    : Results.Ok(await queries.DepartmentTicketsAsync(unitId, ct)))
            .WithTags("Departments")
            .WithSummary("A department's open cases and cross-agency parts.")
            .Produces<IReadOnlyList<DepartmentTicket>>();
        return endpoints;
    }

    private static void MapCommand<TRequest>(RouteGroupBuilder cases, string route) where TRequest : CaseCommandRequest =>
        cases.MapPost($"/{{id:guid}}/{route}", async (
                Guid id,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TRequest? request,
                HttpContext http, CaseService service, CaseQueries queries, OrganisationDirectory directory, CancellationToken ct) =>
            {
                request ??= EmptyRequest<TRequest>();
                await service.ExecuteAsync(id, request, ApiActor.From(http, directory), ct);
                return TypedResults.Ok(await queries.DetailAsync(id, ct));
            })
            .WithName(typeof(TRequest).Name)
            .WithSummary($"Runs {typeof(TRequest).Name} on the case; 409 when its state does not allow it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Commands whose arguments are all optional (sign, accept, auto-close) may be posted with no body at all.</summary>
    private static TRequest EmptyRequest<TRequest>() where TRequest : CaseCommandRequest =>
        typeof(TRequest).GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.HasDefaultValue)) is { } constructor
            ? (TRequest)constructor.Invoke([.. constructor.GetParameters().Select(p => p.DefaultValue)])
            : throw new BadHttpRequestException($"{typeof(TRequest).Name} needs a JSON body.");

    private static async Task<Ok<PagedResult<CaseListItem>>> QueueAsync(
        CaseQueries queries, CaseState? state, HandlingLevel? level, int? communityId, int? courtyardId, int? unitId,
        string? categoryCode, Urgency? urgency, bool? supervised, string? search, CaseSort? sort, bool? descending,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.QueueAsync(new CaseQuery
        {
            State = state, Level = level, CommunityId = communityId, CourtyardId = courtyardId, UnitId = unitId,
            CategoryCode = categoryCode, Urgency = urgency, Supervised = supervised, Search = search,
            Sort = sort ?? CaseSort.ReportedAt, Descending = descending ?? true, Page = page ?? 0, PageSize = pageSize ?? 25,
        }, ct));

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> DetailAsync(Guid id, CaseQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound(id.ToString());

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> ByNumberAsync(string number, CaseQueries queries, CancellationToken ct) =>
        await queries.FindByNumberAsync(number, ct) is { } id && await queries.DetailAsync(id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : NotFound(number);

    private static async Task<Ok<IReadOnlyList<CaseListItem>>> DuplicatesAsync(int courtyardId, string categoryCode, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DuplicatesAsync(courtyardId, categoryCode, cancellationToken: ct));

    private static async Task<Created<CaseDetail>> ReportAsync(
        ReportCaseRequest request, HttpContext http, CaseService service, CaseQueries queries, OrganisationDirectory directory, CancellationToken ct)
    {
        var @case = await service.ReportAsync(request, ApiActor.From(http, directory), ct);
        return TypedResults.Created($"/api/cases/{@case.Id}", queries.DetailOf(@case));
    }

    private static ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Case not found", detail: $"Case {key} does not exist.",
            extensions: new Dictionary<string, object?> { ["code"] = "NotFound" });
}
