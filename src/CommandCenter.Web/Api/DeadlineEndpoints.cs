using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;

using CommandCenter.Web.Access;

namespace CommandCenter.Web.Api;

/// <summary>The street's deadline rules: time-limit policies and the working calendar.</summary>
public static class DeadlineEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineApi(this IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/api/policies").WithTags("Deadlines").RequireAuthorization(Policies.AdministerPolicies);
        policies.MapGet("/", async (DeadlineAdministration admin, CancellationToken ct) => (await admin.PoliciesAsync(ct)).Select(PolicyView.Of))
            .WithSummary("The time-limit policy table.");
        policies.MapPost("/", async (PolicyInput input, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
            {
                var policy = await admin.CreatePolicyAsync(caller.Post, input, ct);
                return TypedResults.Created($"/api/policies/{policy.Id}", PolicyView.Of(policy));
            })
            .WithSummary("Adds a policy for a scope (category or any, urgency or any, level); new deadlines use it at once.");
        policies.MapPut("/{id:int}", async (int id, PolicyLimitsInput input, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
                PolicyView.Of(await admin.UpdatePolicyAsync(caller.Post, id, input, ct)))
            .WithSummary("New limits for a policy, given the revision the editor saw; 409 when someone changed it first.");
        policies.MapGet("/street", async (DeadlineAdministration admin, CancellationToken ct) => StreetRulesView.Of(await admin.StreetRulesAsync(ct)))
            .WithSummary("The street-wide rules: rating and revisit windows, 不满意 reopenings before 审定, and the age of 积存.");
        policies.MapPut("/street", async (StreetRulesInput input, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
                StreetRulesView.Of(await admin.UpdateStreetRulesAsync(caller.Post, input, ct)))
            .WithSummary("New street-wide rules, given the revision the editor saw; cases verified before keep their window. 409 when someone changed them first.");
        policies.MapDelete("/{id:int}", async (int id, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
            {
                await admin.DeletePolicyAsync(caller.Post, id, ct);
                return TypedResults.NoContent();
            });

        var calendar = endpoints.MapGroup("/api/calendar/days").WithTags("Deadlines").RequireAuthorization(Policies.AdministerPolicies);
        calendar.MapGet("/", (DeadlineAdministration admin, CancellationToken ct) => admin.CalendarDaysAsync(ct))
            .WithSummary("Holidays and make-up working days; every other day follows the plain week.");
        calendar.MapPost("/", (CalendarDayInput input, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) => admin.SetCalendarDayAsync(caller.Post, input, ct))
            .WithSummary("Sets a day as holiday or make-up working day (replacing what it was).");
        calendar.MapDelete("/{date}", async (DateOnly date, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
        {
            await admin.RemoveCalendarDayAsync(caller.Post, date, ct);
            return TypedResults.NoContent();
        });
        var routing = endpoints.MapGroup("/api/routing").WithTags("Deadlines").RequireAuthorization(Policies.AdministerPolicies);
        routing.MapGet("/", (DeadlineAdministration admin, CancellationToken ct) => admin.RoutingRulesAsync(ct))
            .WithSummary("Where escalated cases go per category and level, and whether the timer dispatches them at once.");
        routing.MapPost("/", (RoutingRuleInput input, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) => admin.SetRoutingRuleAsync(caller.Post, input, ct))
            .WithSummary("Sets the rule for a category (or any) and level, replacing the one there was.");
        routing.MapDelete("/{id:int}", async (int id, ApiCaller caller, DeadlineAdministration admin, CancellationToken ct) =>
        {
            await admin.DeleteRoutingRuleAsync(caller.Post, id, ct);
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    /// <summary>The street-wide rules as the API shows them: spans in days.</summary>
    public sealed record StreetRulesView(double EvaluationWindowDays, double RevisitWindowDays, int UnsatisfiedReopeningsBeforeDecision, double BacklogAfterDays, int Revision)
    {
        public static StreetRulesView Of(StreetRules r) =>
            new(r.EvaluationWindow.TotalDays, r.RevisitWindow.TotalDays, r.UnsatisfiedReopeningsBeforeDecision, r.BacklogAfter.TotalDays, r.Revision);
    }

    /// <summary>A policy as the API shows it: limits in minutes.</summary>
    public sealed record PolicyView(
        int Id, string? CategoryCode, Domain.Categories.Urgency? Urgency, Domain.Organisation.HandlingLevel Level,
        double SignForMinutes, double HandlingMinutes, double WarningShare, TimeBasis Basis, SignForLapse SignForLapse, bool AutoSuperviseOnOverdue,
        int MaxPostponements, double LongestExtensionMinutes, WaitingMinutes Waiting, int Revision)
    {
        public static PolicyView Of(TimePolicy p) => new(
            p.Id, p.CategoryCode, p.Urgency, p.Level, p.SignFor.TotalMinutes, p.Handling.TotalMinutes, p.WarningShare, p.Basis, p.SignForLapse, p.AutoSuperviseOnOverdue,
            p.MaxPostponements, p.LongestExtension.TotalMinutes, WaitingMinutes.Of(p.Waiting), p.Revision);
    }
}
