using CommandCenter.Domain.Access;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Deadlines;

// Value fields are nullable so that a missing one is refused by name (RequestField), never read as 0 or the first enum value.

/// <summary>
/// A new policy's scope and limits; times in minutes so a person can type them. No urgency: any urgency.
/// No sign-for lapse: the default, back to dispatch. No automatic-督办 switch: the default, on. No 延期 limits:
/// <see cref="TimePolicy.DefaultMaxPostponements"/>, and one more handling limit in total. No waiting
/// limits: the defaults for the urgency (一般 for any urgency), so a new row does not switch the waiting clocks off.
/// </summary>
public sealed record PolicyInput(
    string? CategoryCode, Urgency? Urgency, HandlingLevel? Level,
    double? SignForMinutes, double? HandlingMinutes, double? WarningShare, TimeBasis? Basis, SignForLapse? SignForLapse = null,
    bool? AutoSuperviseOnOverdue = null, int? MaxPostponements = null, double? LongestExtensionMinutes = null, WaitingMinutes? Waiting = null);

/// <summary>How long a case may wait to be taken in, dispatched and checked, in minutes; an empty one runs no clock for that stage.</summary>
public sealed record WaitingMinutes(double? AcceptanceMinutes, double? DispatchMinutes, double? VerificationMinutes)
{
    public static WaitingMinutes Of(WaitingLimits limits) =>
        new(limits.Acceptance?.TotalMinutes, limits.Dispatch?.TotalMinutes, limits.Verification?.TotalMinutes);

    /// <summary>The limits these minutes stand for; a value out of range is refused by the domain's own check.</summary>
    public WaitingLimits ToLimits() => new WaitingLimits(Span(AcceptanceMinutes), Span(DispatchMinutes), Span(VerificationMinutes)).Validated();

    private static TimeSpan? Span(double? minutes) =>
        minutes is { } value ? double.IsFinite(value) && Math.Abs(value) <= WaitingLimits.Longest.TotalMinutes * 2 ? TimeSpan.FromMinutes(value) : TimeSpan.MaxValue : null;
}

/// <summary>
/// New limits for an existing policy, sent with the revision the editor saw. No sign-for lapse, automatic-督办
/// switch or 延期 limit: the policy keeps its own, so a client written before the field existed does not reset it.
/// </summary>
public sealed record PolicyLimitsInput(
    double? SignForMinutes, double? HandlingMinutes, double? WarningShare, TimeBasis? Basis, int? ExpectedRevision, SignForLapse? SignForLapse = null,
    bool? AutoSuperviseOnOverdue = null, int? MaxPostponements = null, double? LongestExtensionMinutes = null, WaitingMinutes? Waiting = null);

/// <summary>
/// The street-wide rules in days (and a count), sent with the revision the editor saw. Every field is required:
/// the record is small enough that a client always sends all of it.
/// </summary>
public sealed record StreetRulesInput(
    double? EvaluationWindowDays, double? RevisitWindowDays, int? UnsatisfiedReopeningsBeforeDecision, double? BacklogAfterDays, int? ExpectedRevision);

public sealed record CalendarDayInput(DateOnly? Date, CalendarDayKind? Kind, string Name);

/// <summary>A routing rule: with no unit, the case's own courtyard or community unit at that level.</summary>
public sealed record RoutingRuleInput(string? CategoryCode, HandlingLevel? Level, UnitId? UnitId, bool? AutoDispatch);

public sealed class RecordNotFoundException(string what, string key) : Exception($"{what} {key} does not exist.");

/// <summary>Someone saved the record first; nothing of this request was stored.</summary>
public sealed class StaleRecordException(string what)
    : Exception($"{what} was changed by someone else first. Reload it and try again; nothing was saved.");

/// <summary>
/// What an administrator changes in the street's deadline rules. Each change is written,
/// then the rules in memory are rebuilt on every server (<see cref="DirectoryChanges"/>) so the next deadline uses it; deadlines already set
/// stay as they are (the case records which policy revision set them).
/// </summary>
public sealed class DeadlineAdministration(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, DirectoryChanges changes, OrganisationDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TimePolicy>> PoliciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Ordered in memory: levels and urgencies are stored as names, not in their own order.
        return [.. (await db.TimePolicies.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Level).ThenBy(p => p.CategoryCode).ThenBy(p => p.Urgency)];
    }

    public Task<TimePolicy> CreatePolicyAsync(Post by, PolicyInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.PolicyCreated, "The policy table", async db =>
        {
            var id = (await db.TimePolicies.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0) + 1;
            var policy = TimePolicy.Create(id, Blank(input.CategoryCode), RequestField.Optional(input.Urgency, "urgency"), RequestField.Required(input.Level, "level"),
                Minutes(RequestField.Required(input.SignForMinutes, "signForMinutes"), "signFor"),
                Minutes(RequestField.Required(input.HandlingMinutes, "handlingMinutes"), "handling"),
                RequestField.Required(input.WarningShare, "warningShare"), RequestField.Required(input.Basis, "basis"),
                input.SignForLapse ?? SignForLapse.ReturnToDispatch, input.AutoSuperviseOnOverdue ?? true,
                input.MaxPostponements ?? TimePolicy.DefaultMaxPostponements, OptionalMinutes(input.LongestExtensionMinutes, "longestExtension"),
                input.Waiting?.ToLimits() ?? WaitingLimits.DefaultFor(input.Urgency ?? Urgency.Normal));
            // The table refuses two policies for the same scope.
            _ = new PolicyTable([.. await db.TimePolicies.AsNoTracking().ToListAsync(cancellationToken), policy]);
            db.TimePolicies.Add(policy);
            return policy;
        }, cancellationToken);

    public Task<TimePolicy> UpdatePolicyAsync(Post by, int id, PolicyLimitsInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.PolicyUpdated, $"Policy {id}", async db =>
        {
            var policy = await db.TimePolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new RecordNotFoundException("Policy", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (policy.Revision != RequestField.Required(input.ExpectedRevision, "expectedRevision"))
                throw new StaleRecordException($"Policy {id} (now at revision {policy.Revision}, not {input.ExpectedRevision})");
            policy.Update(Minutes(RequestField.Required(input.SignForMinutes, "signForMinutes"), "signFor"),
                Minutes(RequestField.Required(input.HandlingMinutes, "handlingMinutes"), "handling"),
                RequestField.Required(input.WarningShare, "warningShare"), RequestField.Required(input.Basis, "basis"),
                input.SignForLapse ?? policy.SignForLapse, input.AutoSuperviseOnOverdue,
                input.MaxPostponements, OptionalMinutes(input.LongestExtensionMinutes, "longestExtension"), input.Waiting?.ToLimits());
            return policy;
        }, cancellationToken);

    public Task DeletePolicyAsync(Post by, int id, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.PolicyDeleted, $"Policy {id}", async db =>
        {
            var policy = await db.TimePolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new RecordNotFoundException("Policy", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            db.TimePolicies.Remove(policy);
            return policy;
        }, cancellationToken);

    public async Task<StreetRules> StreetRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StreetRules.AsNoTracking().SingleAsync(cancellationToken);
    }

    public Task<StreetRules> UpdateStreetRulesAsync(Post by, StreetRulesInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.StreetRulesUpdated, "The street rules", async db =>
        {
            var street = await db.StreetRules.SingleAsync(cancellationToken);
            if (street.Revision != RequestField.Required(input.ExpectedRevision, "expectedRevision"))
                throw new StaleRecordException($"The street rules (now at revision {street.Revision}, not {input.ExpectedRevision})");
            street.Update(
                Days(RequestField.Required(input.EvaluationWindowDays, "evaluationWindowDays"), "evaluationWindowDays"),
                Days(RequestField.Required(input.RevisitWindowDays, "revisitWindowDays"), "revisitWindowDays"),
                RequestField.Required(input.UnsatisfiedReopeningsBeforeDecision, "unsatisfiedReopeningsBeforeDecision"),
                Days(RequestField.Required(input.BacklogAfterDays, "backlogAfterDays"), "backlogAfterDays"));
            return street;
        }, cancellationToken);

    public async Task<IReadOnlyList<CalendarDay>> CalendarDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    public Task<CalendarDay> SetCalendarDayAsync(Post by, CalendarDayInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.CalendarDaySet, "The calendar", async db =>
        {
            var (date, kind) = (RequestField.Required(input.Date, "date"), RequestField.Required(input.Kind, "kind"));
            CalendarDayRange.Check(date, ChinaTime.LocalDate(clock.GetUtcNow().UtcDateTime));
            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 64)
                throw new DomainValidationException("Required", "name is required (at most 64 characters).", "name");
            if (await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken) is { } existing)
                db.CalendarDays.Remove(existing);
            var day = new CalendarDay { Date = date, Kind = kind, Name = name };
            db.CalendarDays.Add(day);
            return day;
        }, cancellationToken);

    public Task RemoveCalendarDayAsync(Post by, DateOnly date, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.CalendarDayRemoved, "The calendar", async db =>
        {
            var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken)
                ?? throw new RecordNotFoundException("Calendar day", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            db.CalendarDays.Remove(day);
            return day;
        }, cancellationToken);

    public async Task<IReadOnlyList<RoutingRule>> RoutingRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(r => r.Level).ThenBy(r => r.CategoryCode)];
    }

    /// <summary>Sets the rule for a category and level, replacing the one there was.</summary>
    public Task<RoutingRule> SetRoutingRuleAsync(Post by, RoutingRuleInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.RoutingRuleSet, "The routing table", async db =>
        {
            var category = Blank(input.CategoryCode);
            if (category is not null && directory.Category(category) is null)
                throw new DomainValidationException("InvalidCategoryCode", $"Category {category} does not exist.", "categoryCode");
            var level = RequestField.Required(input.Level, "level");
            var autoDispatch = RequestField.Required(input.AutoDispatch, "autoDispatch");
            if (input.UnitId is { } unitId && directory.Unit(unitId)?.Level != level)
                throw new DomainValidationException("UnitNotAtLevel", $"Unit {unitId} does not handle {level}-level cases.", "unitId");
            if (input.UnitId is null && level is HandlingLevel.Street or HandlingLevel.District)
                throw new DomainValidationException("UnitRequired", "Street and district routing names a unit.", "unitId");
            var existing = await db.RoutingRules.Where(r => r.CategoryCode == category && r.Level == level).ToListAsync(cancellationToken);
            db.RoutingRules.RemoveRange(existing);
            var id = (await db.RoutingRules.MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0) + 1;
            var rule = new RoutingRule(id, category, level, input.UnitId, autoDispatch);
            db.RoutingRules.Add(rule);
            return rule;
        }, cancellationToken);

    public Task DeleteRoutingRuleAsync(Post by, int id, CancellationToken cancellationToken = default) =>
        WriteAsync(by, AuditActions.RoutingRuleDeleted, "The routing table", async db =>
        {
            var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                ?? throw new RecordNotFoundException("Routing rule", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            db.RoutingRules.Remove(rule);
            return rule;
        }, cancellationToken);

    /// <summary>One change of the rules, audited with who made it in the same transaction.</summary>
    private async Task<T> WriteAsync<T>(Post by, string action, string what, Func<CommandCenterDbContext, Task<T>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.WriteAsync(async db =>
            {
                var result = await change(db);
                db.AuditEntries.Add(AuditLog.EntryOf(by, action, clock.GetUtcNow().UtcDateTime, detail: what));
                return result;
            }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRecordException(what);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TimeSpan Minutes(double minutes, string field) =>
        double.IsFinite(minutes) && minutes is > 0 and <= 60 * 24 * 365
            ? TimeSpan.FromMinutes(minutes)
            : throw new DomainValidationException("MinutesOutOfRange", $"{field} must be more than 0 and at most a year, in minutes.", field);

    /// <summary>Days as a span; anything not a finite number of days is refused here, the range by the domain.</summary>
    private static TimeSpan Days(double days, string field) =>
        double.IsFinite(days) && Math.Abs(days) <= 3650
            ? TimeSpan.FromDays(days)
            : throw new DomainValidationException("DaysOutOfRange", $"{field} must be a number of days.", field);

    private static TimeSpan? OptionalMinutes(double? minutes, string field) => minutes is { } given ? Minutes(given, field) : null;
}
