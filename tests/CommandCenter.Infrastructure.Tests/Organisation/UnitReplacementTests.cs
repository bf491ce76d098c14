using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Organisation;

/// <summary>物业更换: a property company replaced in a courtyard from a date.</summary>
public sealed class UnitReplacementTests
{
    [Theory, TestedProviders]
    public async Task CompanyReplacedFromTomorrow_NewCasesGoToTheNewOneFromThatDay_AndTheOldCaseKeepsItsUnit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (old, staff, courtyard) = CompanyWithStaff(database.Directory);
        var incoming = database.Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && !u.ServedCourtyardIds.Contains(courtyard));
        var oldCase = await DispatchedAsync(database, courtyard, old.Id);
        var tomorrow = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime).AddDays(1);

        await database.Service<UnitAdministration>().ReplaceAsync(courtyard, incoming.Id, tomorrow, database.Actor("Administrator"));

        Assert.Equal([old.Id], Serving(database, courtyard));
        database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([incoming.Id], Serving(database, courtyard));
        var newCase = (await database.Cases.ReportAsync(database.Report(courtyardId: courtyard), database.Actor())).Id;
        await database.Cases.ExecuteAsync(newCase, new AcceptCase(HandlingLevel.Courtyard), database.Actor());
        await Assert.ThrowsAsync<DomainValidationException>(() => database.Cases.ExecuteAsync(newCase, new DispatchCase(old.Id), database.Actor()));
        await database.Cases.ExecuteAsync(newCase, new DispatchCase(incoming.Id), database.Actor());

        Assert.Equal(incoming.Id, (await database.Queries.DetailAsync(TestDatabase.Everyone, newCase))!.Handling.CurrentUnitId);
        Assert.Equal(old.Id, (await database.Queries.DetailAsync(TestDatabase.Everyone, oldCase))!.Handling.CurrentUnitId);
        // The old company's staff go on with the case they hold there, and see nothing of the new company's.
        var oldStaff = database.Directory.PostOf(staff, ActSource.Phone);
        Assert.DoesNotContain(courtyard, oldStaff.CourtyardIds);
        Assert.NotNull(await database.Queries.DetailAsync(oldStaff, oldCase));
        Assert.Null(await database.Queries.DetailAsync(oldStaff, newCase));
        await using var db = database.NewContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.CourtyardServiceChanged).ToListAsync());
        Assert.Equal(
            [(old.Id, (DateOnly?)null, (DateOnly?)tomorrow), (incoming.Id, tomorrow, null)],
            database.Service<UnitAdministration>().List().SelectMany(u => u.Periods).Where(p => p.CourtyardId == courtyard)
                .OrderBy(p => p.From).Select(p => (p.UnitId, p.From, p.Until)));
    }

    [Theory, TestedProviders]
    public async Task ReplacementRefused_ChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (old, _, courtyard) = CompanyWithStaff(database.Directory);
        var street = database.Directory.Units.First(u => u.Level == HandlingLevel.Street);
        var today = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        var administration = database.Service<UnitAdministration>();
        var admin = database.Actor("Administrator");

        Assert.Equal("NotACourtyardUnit", (await Assert.ThrowsAsync<DomainValidationException>(() => administration.ReplaceAsync(courtyard, street.Id, today, admin))).Code);
        Assert.Equal("AlreadyServes", (await Assert.ThrowsAsync<DomainValidationException>(() => administration.ReplaceAsync(courtyard, old.Id, today, admin))).Code);
        await Assert.ThrowsAsync<UnknownReferenceException>(() => administration.ReplaceAsync(courtyard, new UnitId(99999), today, admin));
        await Assert.ThrowsAsync<Infrastructure.Deadlines.RecordNotFoundException>(() => administration.ReplaceAsync(new CourtyardId(99999), old.Id, today, admin));

        await using var db = database.NewContext();
        Assert.Empty(await db.CourtyardServices.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == AuditActions.CourtyardServiceChanged).ToListAsync());
        Assert.Equal([old.Id], Serving(database, courtyard));
    }

    private static UnitId[] Serving(TestDatabase database, CourtyardId courtyard) =>
        [.. database.Directory.UnitsServing(HandlingLevel.Courtyard, courtyard).Where(u => u.Kind == UnitKind.PropertyCompany).Select(u => u.Id)];

    private static (HandlingUnit Company, Staff Staff, CourtyardId Courtyard) CompanyWithStaff(OrganisationDirectory directory) =>
        directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0)
            .SelectMany(u => directory.Staff.Where(s => s.UnitId == u.Id && s.Role == AccessRole.PropertyStaff).Select(s => (u, s, u.ServedCourtyardIds[0])))
            .First();

    private static async Task<Guid> DispatchedAsync(TestDatabase database, CourtyardId courtyard, UnitId unit)
    {
        var id = (await database.Cases.ReportAsync(database.Report(courtyardId: courtyard), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), database.Actor());
        await database.Cases.ExecuteAsync(id, new DispatchCase(unit), database.Actor());
        return id;
    }
}
