using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Assessment;

/// <summary>
/// Every read of the assessment, the scores and the credit ledger, run against a SQL Server context: SQL Server
/// cannot run here, but EF translates each query before it would send it (<see cref="SqlServerTranslation"/>),
/// so a query SQL Server cannot translate (or one EF would evaluate on the client) fails here as it would there.
/// The street's directory and rules come from a SQLite database, as the services need them loaded.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly AssessmentPeriod Period = AssessmentPeriod.Month(2026, 11);

    [Fact]
    public async Task TheAssessmentQueries_TranslateOnSqlServer()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sqlServer = new SqlServerTranslation();
        var queries = Queries(database, sqlServer);
        var post = TestDatabase.Everyone;
        var unit = database.Directory.Units.First().Id;
        var community = database.Directory.Courtyards.First().CommunityId;

        await queries.DefaultSatisfiedCountsAsync(null);
        await queries.AreaAsync(post, Period, null);
        await queries.AreaAsync(post, Period, community);
        await queries.UnitsAsync(post, Period, null);
        await queries.UnitsAsync(post, Period, UnitKind.PropertyCompany, communityId: community);
        await queries.ResolvedAtLevelAsync(post, Period, null);
        await queries.PersonsAsync(post, Period, community);
        await queries.PersonsAsync(post, Period, null, kind: PersonKind.Dispatcher);
        foreach (var indicator in Enum.GetValues<Indicator>())
        {
            await queries.CasesAsync(post, Period, new AssessmentScope(), indicator, 0, 20);
            await queries.CasesAsync(post, Period, new AssessmentScope(CommunityId: community), indicator, 10, 20);
            await queries.CasesAsync(post, Period, new AssessmentScope(UnitId: unit), indicator, 0, 20);
        }
        foreach (var act in Enum.GetValues<PersonAct>())
            await queries.PersonCasesAsync(post, Period, null, database.Directory.Staff.First().Id, act, 0, 20);
        // The stored days (docs/decisions/0014): a case's marked days, the period's sums of units and communities.
        await using (var db = await sqlServer.CreateDbContextAsync())
        {
            await DailyStoredFigures.DaysOfAsync(db, [new AssessmentDirtyMark { CaseId = Guid.NewGuid() }], CancellationToken.None);
            await DailyStoredFigures.SumUnitsAsync(db, Period.FirstDay, Period.LastDay, [Period.FirstDay], null, CancellationToken.None);
            await DailyStoredFigures.SumUnitsAsync(db, Period.FirstDay, Period.LastDay, [], [community], CancellationToken.None);
            await DailyStoredFigures.SumCommunitiesAsync(db, Period.FirstDay, Period.LastDay, [Period.FirstDay], null, CancellationToken.None);
            await DailyStoredFigures.SumCommunitiesAsync(db, Period.FirstDay, Period.LastDay, [], [community], CancellationToken.None);
        }

        // The grouped counts are one conditional count per indicator, on the server.
        Assert.True(sqlServer.Commands.Count > 50, $"{sqlServer.Commands.Count} commands");
        Assert.Contains(sqlServer.Commands, sql => sql.Contains("GROUP BY", StringComparison.Ordinal) && sql.Contains("COUNT(CASE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheScoringAndCreditReads_TranslateOnSqlServer()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sqlServer = new SqlServerTranslation();
        var queries = Queries(database, sqlServer);
        var unitOfWork = database.Service<UnitOfWork>();
        var schemes = new ScoringAdministration(sqlServer, unitOfWork, database.Clock);
        var rolls = new HonourRolls(sqlServer, unitOfWork, new UnitScores(queries, schemes), new PersonScores(queries, schemes), database.Directory, database.Clock);
        var credit = new CreditService(sqlServer, unitOfWork, database.Directory, queries, database.Clock);
        var company = credit.Companies.First().Id;

        await schemes.CurrentAsync();
        await schemes.HistoryAsync(ScoredKind.DistrictDepartment);
        await rolls.OfMonthAsync(new StreetId(1), 2026, 11);
        await rolls.LatestAsync(new StreetId(1));
        await credit.CompaniesAsync(TestDatabase.Everyone);
        await credit.LedgerAsync(TestDatabase.Everyone, company);
        await credit.PublishedMonthsAsync();
        await credit.LiveFromAsync();
        await credit.RuleHistoryAsync(TestDatabase.Everyone);
        await credit.PublicationAsync("2026-11");
        await credit.CommitteeRatingsAsync(TestDatabase.Everyone, 2026);

        Assert.Contains(sqlServer.Commands, sql => sql.Contains("[CreditItems]", StringComparison.Ordinal));
        Assert.Contains(sqlServer.Commands, sql => sql.Contains("[CreditRuleRevisions]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuerySqlServerCannotTranslate_FailsHere()
    {
        var sqlServer = new SqlServerTranslation();
        await using var db = await sqlServer.CreateDbContextAsync();

        // string.Format has no SQL translation: the check must refuse it, not answer it.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Cases.Where(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", c.Number) == "x").ToListAsync());
        Assert.Empty(sqlServer.Commands);
    }

    private static AssessmentQueries Queries(TestDatabase database, SqlServerTranslation sqlServer) =>
        new(sqlServer, database.Directory, database.Service<DeadlineRulesProvider>(), database.Clock);
}
