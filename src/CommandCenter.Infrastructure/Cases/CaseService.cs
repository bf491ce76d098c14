using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Runs intake and commands: load the case, let the domain decide, save in one
/// transaction guarded by the case's version. A refused command saves nothing.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, DeadlineRulesProvider deadlines,
    WriteGate writeGate, IntakeWriter intake, ICaseEventStream events, TimeProvider clock)
{
    /// <param name="attachments">Photos already stored, recorded on the report event.</param>
    /// <param name="alongside">Rows written in the same transaction as the case.</param>
    public async Task<Case> ReportAsync(
        ReportCaseRequest request, Actor actor, CancellationToken cancellationToken = default,
        IReadOnlyCollection<Attachment>? attachments = null, Action<CommandCenterDbContext, Case>? alongside = null)
    {
        var category = directory.Category(request.CategoryCode ?? "")
            ?? throw new UnknownReferenceException("categoryCode", request.CategoryCode ?? "");
        var courtyard = directory.Courtyard(request.CourtyardId)
            ?? throw new UnknownReferenceException("courtyardId", request.CourtyardId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var building = request.BuildingId is { } buildingId
            ? directory.Building(buildingId) ?? throw new UnknownReferenceException("buildingId", buildingId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
        if (!Enum.IsDefined(request.Channel)) throw new UnknownReferenceException("channel", request.Channel.ToString());
        if (!Enum.IsDefined(request.Urgency)) throw new UnknownReferenceException("urgency", request.Urgency.ToString());

        Case Report(string number, DateTime nowUtc) => Case.Report(
            number, directory.Street.Id, request.Channel, category, request.Urgency, courtyard, building,
            request.Description, new Reporter(request.ReporterName, request.ReporterPhone),
            request.Latitude, request.Longitude, actor, nowUtc, attachments);

        // Refuse bad input here, before a number is spent on it.
        Report("", clock.GetUtcNow().UtcDateTime);
        return await intake.WriteAsync(Report, cancellationToken, alongside);
    }

    public async Task<Case> ExecuteAsync(Guid caseId, CaseCommandRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        try
        {
            var @case = await db.Cases.Include(c => c.Parts).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
                ?? throw new CaseNotFoundException(caseId);
            if (request.ExpectedVersion is { } expected && expected != @case.Version)
                throw new CaseConflictException(@case.Number, $"you saw version {expected}, it is now at version {@case.Version}");

            await request.ApplyAsync(@case, new CaseCommandContext(db, directory, deadlines.Rules, actor, clock.GetUtcNow().UtcDateTime));
            var committed = PendingCaseEvents.Collect(db);
            await db.SaveChangesAsync(cancellationToken);
            events.Publish(committed);
            return @case;
        }
        catch (DbUpdateConcurrencyException e)
        {
            var number = e.Entries.Select(x => x.Entity).OfType<Case>().FirstOrDefault()?.Number ?? caseId.ToString();
            throw new CaseConflictException(number, "another command was saved first");
        }
    }
}
