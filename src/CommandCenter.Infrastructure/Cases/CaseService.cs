using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Runs intake and commands: load the case, let the domain decide whether the post may
/// (scope, rights) and whether the case allows it (state), save in one unit of work guarded
/// by the case's version. A refused command saves nothing; a case outside the post's scope
/// is reported as not found, never as forbidden, so its existence does not leak.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, DeadlineRulesProvider deadlines, DecisionRightsProvider decisions, UnitOfWork unitOfWork, IntakeWriter intake, TimeProvider clock,
    ILogger<CaseService> logger)
{
    /// <param name="enclosures">Photos taken with the report (its attachments) and a resident's tracking code.</param>
    public async Task<Case> ReportAsync(
        ReportCaseRequest request, Post post, CancellationToken cancellationToken = default, CaseEnclosures? enclosures = null)
    {
        if (!post.Can(Capability.ReportCases)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        var channel = RequestField.Required(request.Channel, "channel");
        var urgency = RequestField.Required(request.Urgency, "urgency");
        var courtyardId = RequestField.Required(request.CourtyardId, "courtyardId");
        var category = directory.Category(request.CategoryCode ?? "")
            ?? throw new UnknownReferenceException("categoryCode", request.CategoryCode ?? "");
        var courtyard = directory.Courtyard(courtyardId)
            ?? throw new UnknownReferenceException("courtyardId", courtyardId.ToString());
        // A courtyard of no street is half-written reference data: nobody can number its case.
        var street = directory.StreetOf(courtyard) ?? throw new UnknownReferenceException("courtyardId", courtyardId.ToString());
        // The courtyard is reference data anyone may list, so refusing it leaks nothing: 403, not a pretended 404.
        if (!CaseScope.MayReportInto(post, courtyard, street.Id)) throw new AccessRefusedException(AccessRefusal.OutOfScope);
        var building = request.BuildingId is { } buildingId
            ? directory.Building(buildingId) ?? throw new UnknownReferenceException("buildingId", buildingId.ToString())
            : null;
        var facility = await FacilityAsync(request.FacilityId, cancellationToken);
        enclosures ??= CaseEnclosures.Uploaded(request.PhotoIds, post.StaffId);

        Case Report(string number, DateTime nowUtc, IReadOnlyList<Attachment> attachments, Facility? named) => Case.Report(
            number, street.Id, channel, category, urgency, courtyard, building,
            request.Description, new Reporter(request.ReporterName, request.ReporterPhone),
            request.Latitude, request.Longitude, post.Actor, nowUtc, deadlines.Rules, attachments, named);

        // Refuse bad input here, before a number is spent on it, for a clear answer at once; uploaded photos are claimed, and
        // the facility read again, in the transaction, which decides.
        Report("", clock.GetUtcNow().UtcDateTime, enclosures.Attachments, facility);
        var reported = await intake.WriteAsync(new IntakePlace(street.Code, courtyard.Id, request.FacilityId, channel), Report, enclosures, cancellationToken);
        CaseLog.Reported(logger, reported.Number, channel, post.Actor.Role, post.Actor.Source);
        return reported;
    }

    /// <summary>
    /// The facility a report names, read as it is when the report comes in, for the early check: whether the case may name it is the
    /// domain's to say (<see cref="Facility.WhyNotReportedIn"/>), and the intake's transaction asks again (<see cref="IntakeWriter"/>).
    /// </summary>
    private async Task<Facility?> FacilityAsync(FacilityId? facilityId, CancellationToken cancellationToken)
    {
        if (facilityId is not { } id) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id.Value, cancellationToken)
            ?? throw new UnknownReferenceException("facilityId", id.ToString());
    }

    public Task<Case> ExecuteAsync(Guid caseId, CaseCommandRequest request, Post post, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, request, post, CaseEnclosures.None, cancellationToken);

    /// <param name="enclosures">Photos just taken that the request names in its <c>PhotoIds</c>.</param>
    public Task<Case> ExecuteAsync(
        Guid caseId, CaseCommandRequest request, Post post, CaseEnclosures enclosures, CancellationToken cancellationToken = default) =>
        RunAsync(caseId, [request], request.ExpectedVersion, post, enclosures, cancellationToken);

    /// <summary>
    /// Commands the sender means as one step (受理并派遣): each is checked against the case as the one before left it and
    /// recorded as its own act, and all are saved together, so either all happen or none, and nobody's change falls between them.
    /// </summary>
    /// <param name="expectedVersion">The version the sender saw, before the first step.</param>
    public Task<Case> ExecuteAsync(
        Guid caseId, IReadOnlyList<CaseCommandRequest> steps, int expectedVersion, Post post, CancellationToken cancellationToken = default) =>
        steps.Count == 0
            ? throw new ArgumentException("At least one command.", nameof(steps))
            : RunAsync(caseId, steps, expectedVersion, post, CaseEnclosures.None, cancellationToken);

    private async Task<Case> RunAsync(
        Guid caseId, IReadOnlyList<CaseCommandRequest> steps, int? expectedVersion, Post post, CaseEnclosures enclosures, CancellationToken cancellationToken)
    {
        (int Version, string Number)? read = null;
        try
        {
            var done = await unitOfWork.WriteAsync(async db =>
            {
                var @case = await db.Cases.Include(c => c.Parts).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
                    ?? throw new CaseNotFoundException(caseId);
                read = (@case.Version, @case.Number);
                // Access before the version, so a case outside the post's scope is not found rather than in conflict.
                CheckAccess(steps[0], post, @case);
                if (expectedVersion is { } expected && expected != @case.Version)
                    throw new CaseConflictException(@case.Number, $"you saw version {expected}, it is now at version {@case.Version}");

                enclosures.AddPhotos(db);
                var context = new CaseCommandContext(db, directory, deadlines.Rules, post, clock.GetUtcNow().UtcDateTime);
                foreach (var step in steps)
                {
                    CheckAccess(step, post, @case);
                    await step.ApplyAsync(@case, context);
                }
                return @case;
            }, cancellationToken);
            CaseLog.Commanded(logger, done.Number, string.Join(" + ", steps.Select(s => s.GetType().Name)), post.Actor.Role, post.Actor.Source);
            return done;
        }
        catch (DbUpdateConcurrencyException e)
        {
            var number = e.Entries.Select(x => x.Entity).OfType<Case>().FirstOrDefault()?.Number ?? caseId.ToString();
            throw new CaseConflictException(number, "another command was saved first");
        }
        catch (DbUpdateException) when (read is not null)
        {
            if (!await CaseVersions.AnyChangedAsync(contexts, [(caseId, read.Value.Version)], CancellationToken.None)) throw;
            throw new CaseConflictException(read.Value.Number, "another command was saved first");
        }
    }

    private void CheckAccess(CaseCommandRequest request, Post post, Case @case)
    {
        switch (request.WhyNot(post, @case, decisions.Rights))
        {
            case AccessRefusal.OutOfScope: throw new CaseNotFoundException(@case.Id);
            case { } refusal: throw new AccessRefusedException(refusal, request.Command);
        }
    }
}
