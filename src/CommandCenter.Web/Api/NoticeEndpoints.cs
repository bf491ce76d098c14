using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>An administrator's API for notices: the templates, the outbox by state, and sending a dead letter again.</summary>
public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeApi(this IEndpointRouteBuilder endpoints)
    {
        var notices = endpoints.MapGroup("/api/admin/notices").WithTags("Notices").RequireAuthorization(Policies.AdministerPolicies);
        notices.MapGet("/", (NoticeState? state, NoticeAdministration admin, CancellationToken ct) => admin.ListAsync(state, ct))
            .WithSummary("The newest 100 notices, or those in one state (DeadLetter: the list to send again from); phones masked.");
        notices.MapPost("/{id:long}/resend", async (long id, ApiCaller caller, NoticeAdministration admin, CancellationToken ct) =>
                await admin.ResendAsync(caller.Post, id, ct) ? Results.NoContent() : Results.NotFound())
            .WithSummary("Puts a dead letter back in the outbox with fresh tries, audited; 404 when there is no such dead letter.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        notices.MapGet("/templates", (NoticeAdministration admin, CancellationToken ct) => admin.TemplatesAsync(ct))
            .WithSummary("Each kind's template in zh-CN with its revision (0: the shipped text) and placeholders {number} {category} {address} {deadline} {link} {unit}.");
        notices.MapPut("/templates/{kind}", (NoticeKind kind, NoticeTemplateInput input, ApiCaller caller, NoticeAdministration admin, CancellationToken ct) =>
                admin.SaveTemplateAsync(caller.Post, kind, input, ct))
            .WithSummary("Saves a kind's template as its next revision, given the revision the editor saw, audited; 422 for an unknown placeholder; 409 when someone saved first.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }
}
