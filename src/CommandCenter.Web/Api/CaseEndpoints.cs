using System.Reflection;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommandCenter.Web.Api;

/// <summary>
/// The case API: intake, queues, detail and one POST per command. Every call is for the
/// caller's post: a case outside its scope answers 404, a command its post may not run 403.
/// </summary>
public static class CaseEndpoints
{
    // One POST per request type: the body binds to the type itself, so each is mapped through the generic method.
    private static readonly MethodInfo MapCommandMethod = typeof(CaseEndpoints).GetMethod(nameof(MapCommand), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases").WithTags("Cases");

        cases.MapGet("/", QueueAsync).WithSummary("A page of cases, filtered, searched and sorted by the database.").RequireAuthorization(Policies.ViewCases);
        // A wall player may open the detail of a case it shows (masked, no commands).
        cases.MapGet("/{id:guid}", DetailAsync).WithSummary("One case with its timeline and the commands the caller may run now.")
            .RequireAuthorization(Policies.ViewWall).ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/by-number/{number}", ByNumberAsync).WithSummary("One case by its number, e.g. CT-20261122-0042.").RequireAuthorization(Policies.ViewCases)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/duplicates", DuplicatesAsync).WithSummary("Cases of the same courtyard and category in the last 24 h.").RequireAuthorization(Policies.ViewCases);
        cases.MapPost("/", ReportAsync).RequireAuthorization(Policies.ReportCases)
            .WithSummary("Intake from any channel, with photoIds of photos the caller uploaded beforehand; 403 (refusal OutOfScope) for a courtyard outside the caller's scope, 422 naming a missing or invalid field.");
        cases.MapPost("/{id:guid}/reveal", RevealAsync).RequireAuthorization(Policies.RevealPersonalData)
            .WithSummary("The reporter's name and phone unmasked; every reveal is logged with who and when.");

        foreach (var command in CaseCommandRoutes.All)
            MapCommandMethod.MakeGenericMethod(command.RequestType).Invoke(null, [cases, command.Route]);

        endpoints.MapGet("/api/departments/{unitId:int}/tickets", async (UnitId unitId, ApiCaller caller, CaseQueries queries, OrganisationDirectory directory, CancellationToken ct) =>
                directory.Unit(unitId) is null
                    ? throw new RecordNotFoundException("Unit", unitId.ToString())
                    : Results.Ok(await queries.DepartmentTicketsAsync(caller.Post, unitId, ct)))
            .RequireAuthorization(Policies.ViewDepartmentTickets)
            .WithTags("Departments")
            .WithSummary("A department's open cases and cross-agency parts.")
            .Produces<IReadOnlyList<DepartmentTicket>>();
        endpoints.MapPhotoUpload();
        return endpoints;
    }

    private static void MapCommand<TRequest>(RouteGroupBuilder cases, string route) where TRequest : CaseCommandRequest =>
        cases.MapPost($"/{{id:guid}}/{route}", async (
                Guid id,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TRequest? request,
                ApiCaller caller, CaseService service, CaseQueries queries, CancellationToken ct) =>
            {
                request ??= EmptyRequest<TRequest>();
                var @case = await service.ExecuteAsync(id, request, caller.Post, ct);
                // A command can take the case out of the caller's sight (a department returning it): then the receipt is all it may know.
                return await queries.DetailAsync(caller.Post, id, ct) is { } detail
                    ? Results.Ok(detail)
                    : Results.Ok(CommandReceipt.Of(@case));
            })
            .RequireAuthorization(Policies.ViewCases)
            .WithName(typeof(TRequest).Name)
            .WithSummary($"Runs {typeof(TRequest).Name} on the case; 409 when its state does not allow it. Answers the case's detail, or a CommandReceipt when the caller can no longer see the case.")
            .Produces<CaseDetail>()
            .Produces<CommandReceipt>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Commands whose arguments are all optional (sign, accept, auto-close) may be posted with no body at all.</summary>
    private static TRequest EmptyRequest<TRequest>() where TRequest : CaseCommandRequest =>
        typeof(TRequest).GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.HasDefaultValue)) is { } constructor
            ? (TRequest)constructor.Invoke([.. constructor.GetParameters().Select(p => p.DefaultValue)])
            : throw new BadHttpRequestException($"{typeof(TRequest).Name} needs a JSON body.");

    private static async Task<Ok<PagedResult<CaseListItem>>> QueueAsync(
        ApiCaller caller, CaseQueries queries, CaseState? state, HandlingLevel? level, CommunityId? communityId, CourtyardId? courtyardId, UnitId? unitId,
        string? categoryCode, Urgency? urgency, bool? supervised, TimeStatus? time, string? search, CaseSort? sort, bool? descending,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.QueueAsync(caller.Post, new CaseQuery
        {
            State = state, Level = level, CommunityId = communityId, CourtyardId = courtyardId, UnitId = unitId,
            CategoryCode = categoryCode, Urgency = urgency, Supervised = supervised, Time = time, Search = search,
            Sort = sort ?? CaseSort.ReportedAt, Descending = descending ?? true, Page = page ?? 0, PageSize = pageSize ?? 25,
        }, ct));

    // Not found is thrown, so the exception handler words it in the caller's language like every other refusal.
    private static async Task<Ok<CaseDetail>> DetailAsync(Guid id, ApiCaller caller, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DetailAsync(caller.Post, id, ct) ?? throw new CaseNotFoundException(id));

    private static async Task<Ok<CaseDetail>> ByNumberAsync(string number, ApiCaller caller, CaseQueries queries, CancellationToken ct) =>
        await queries.FindByNumberAsync(caller.Post, number, ct) is { } id && await queries.DetailAsync(caller.Post, id, ct) is { } detail
            ? TypedResults.Ok(detail)
            : throw new RecordNotFoundException("Case", number);

    private static async Task<Ok<IReadOnlyList<CaseListItem>>> DuplicatesAsync(CourtyardId courtyardId, string categoryCode, ApiCaller caller, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DuplicatesAsync(caller.Post, courtyardId, categoryCode, cancellationToken: ct));

    private static async Task<Created<CaseDetail>> ReportAsync(
        ReportCaseRequest request, ApiCaller caller, CaseService service, CaseQueries queries, CancellationToken ct)
    {
        var @case = await service.ReportAsync(request, caller.Post, ct);
        return TypedResults.Created($"/api/cases/{@case.Id}", queries.DetailOf(@case, caller.Post));
    }

    private static async Task<Ok<Reporter>> RevealAsync(Guid id, ApiCaller caller, PersonalDataReveal reveal, CancellationToken ct) =>
        TypedResults.Ok(await reveal.RevealAsync(caller.Post, id, ct));
}

/// <summary>What a command's caller learns when the command took the case out of its scope: that it was done, and where the case now stands.</summary>
public sealed record CommandReceipt(Guid Id, string Number, CaseState State, int Version, CaseEventType Event)
{
    public static CommandReceipt Of(Case @case) => new(@case.Id, @case.Number, @case.State, @case.Version, @case.Timeline[^1].Type);
}
