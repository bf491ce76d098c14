using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Organisation;

/// <summary>
/// A district with two streets: each numbers its own cases, its wall's figures hold only its cases, and a street's
/// post neither sees nor files the other street's (docs/decisions/0017).
/// </summary>
public sealed class StreetsTests
{
    [Theory, TestedProviders]
    public async Task TwoStreets_NumberTheirOwnCases_EvenInOneBatch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (streetA, streetB, courtyardB) = await SecondStreetAsync(database);
        var courtyardA = database.Directory.Courtyards.First(c => database.Directory.StreetOf(c)!.Id == streetA.Id);

        // Reports of both streets arriving together are written in shared batches; each street's are numbered 1, 2, 3… by its own counter.
        var reported = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            database.Cases.ReportAsync(database.Report(courtyardId: i % 2 == 0 ? courtyardA.Id : courtyardB.Id), database.Actor())));

        var day = ChinaTime.LocalDate(database.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => CaseNumber.Format("CT", day, n)),
            reported.Where(c => c.StreetId == streetA.Id).Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => CaseNumber.Format("YL", day, n)),
            reported.Where(c => c.StreetId == streetB.Id).Select(c => c.Number).Order(StringComparer.Ordinal));
        Assert.All(reported.Where(c => c.CourtyardId == courtyardB.Id), c => Assert.Equal(streetB.Id, c.StreetId));
    }

    [Fact]
    public async Task AStreetsPost_NeitherSeesNorFilesTheOtherStreetsCases_ADistrictPostSeesBoth()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (streetA, streetB, courtyardB) = await SecondStreetAsync(database);
        var inA = await database.Cases.ReportAsync(database.Report(), database.Actor());
        var inB = await database.Cases.ReportAsync(database.Report(courtyardId: courtyardB.Id), database.Actor());
        var postOfA = database.Actor() with { Role = AccessRole.Dispatcher, StreetId = streetA.Id };

        Assert.Null(await database.Queries.DetailAsync(postOfA, inB.Id));
        Assert.NotNull(await database.Queries.DetailAsync(postOfA, inA.Id));
        Assert.NotNull(await database.Queries.DetailAsync(database.Actor(), inB.Id));
        await Assert.ThrowsAsync<CaseNotFoundException>(() =>
            database.Cases.ExecuteAsync(inB.Id, new AcceptCase(HandlingLevel.Community) { ExpectedVersion = inB.Version }, postOfA));
        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() => database.Cases.ReportAsync(database.Report(courtyardId: courtyardB.Id), postOfA));
        Assert.Equal(AccessRefusal.OutOfScope, refused.Refusal);
        Assert.DoesNotContain(courtyardB, database.Queries.ReportableCourtyards(postOfA));
        Assert.False(CaseScope.CoversStreet(postOfA, streetB.Id));
        Assert.True(CaseScope.CoversStreet(database.Actor(), streetB.Id));

        await database.Dashboard.RebuildAsync(database.NewContext());
        Assert.Equal([inA.Number], database.Dashboard.Figures(streetId: streetA.Id).OpenCases.Select(c => c.Number));
        Assert.Equal([inB.Number], database.Dashboard.Figures(streetId: streetB.Id).OpenCases.Select(c => c.Number));
        Assert.Equal(2, database.Dashboard.Figures().OpenCases.Count);
    }

    [Fact]
    public async Task AStreetsCode_IsUniqueAndFixed_AndWithTwoStreetsACommunityNamesItsStreet()
    {
        await using var database = await TestDatabase.CreateAsync();
        var places = database.Service<PlaceAdministration>();
        var admin = database.Actor("Administrator");
        var (_, streetB, _) = await SecondStreetAsync(database);

        await Assert.ThrowsAsync<DuplicatePlaceException>(() => places.SaveStreetAsync(null, "另一街道", "ct", admin));
        Assert.Equal("streetCode", (await Assert.ThrowsAsync<DomainValidationException>(() => places.SaveStreetAsync(null, "另一街道", "C1", admin))).Field);
        Assert.Equal("StreetCodeFixed", (await Assert.ThrowsAsync<DomainValidationException>(() => places.SaveStreetAsync(streetB.Id, "鱼嘴镇", "YZ", admin))).Code);
        Assert.Equal("streetId", (await Assert.ThrowsAsync<DomainValidationException>(() => places.SaveCommunityAsync(null, "无街社区", admin))).Field);
        await Assert.ThrowsAsync<UnknownReferenceException>(() => places.SaveCommunityAsync(null, "无街社区", admin, streetId: new StreetId(99)));

        await places.SaveStreetAsync(streetB.Id, "鱼嘴镇", "YL", admin);
        Assert.Equal(("鱼嘴镇", "YL"), (database.Directory.Street(streetB.Id)!.Name, database.Directory.Street(streetB.Id)!.Code));
        Assert.Equal(2, database.Directory.Streets.Count);
    }

    [Fact]
    public async Task ACourtyardsOutline_IsSavedAndRemoved_ThroughPlaceAdministration()
    {
        await using var database = await TestDatabase.CreateAsync();
        var places = database.Service<PlaceAdministration>();
        var admin = database.Actor("Administrator");
        var courtyard = database.Directory.Courtyards.First();
        double[][] ring = [[courtyard.Longitude - 0.0005, courtyard.Latitude - 0.0004], [courtyard.Longitude + 0.0005, courtyard.Latitude - 0.0004],
            [courtyard.Longitude, courtyard.Latitude + 0.0004], [courtyard.Longitude - 0.0005, courtyard.Latitude - 0.0004]];
        CourtyardInput Input(double[][]? outline) =>
            new(courtyard.Name, courtyard.GridId, courtyard.Kind, courtyard.Homes, courtyard.Latitude, courtyard.Longitude, outline);

        await places.SaveCourtyardAsync(courtyard.Id, Input(ring), admin);
        Assert.Equal(ring[..3].Select(p => new MapPoint(p[0], p[1])), database.Directory.Courtyard(courtyard.Id)!.Outline!);
        await using (var db = database.NewContext())
            Assert.Equal(3, (await db.Courtyards.FindAsync(courtyard.Id))!.Outline!.Count);

        Assert.Equal("outline", (await Assert.ThrowsAsync<DomainValidationException>(() => places.SaveCourtyardAsync(courtyard.Id, Input(ring[..2]), admin))).Field);
        Assert.Equal(3, database.Directory.Courtyard(courtyard.Id)!.Outline!.Count);

        await places.SaveCourtyardAsync(courtyard.Id, Input(null), admin);
        Assert.Null(database.Directory.Courtyard(courtyard.Id)!.Outline);
    }

    /// <summary>The demo street (A, code CT) and a second street (B, code YL) with one community, grid and courtyard.</summary>
    internal static async Task<(Street A, Street B, Courtyard InB)> SecondStreetAsync(TestDatabase database)
    {
        var places = database.Service<PlaceAdministration>();
        var admin = database.Actor("Administrator");
        var streetA = database.Directory.Streets.Single();
        var streetB = await places.SaveStreetAsync(null, "鱼嘴街道", "yl", admin);
        var community = await places.SaveCommunityAsync(null, "鱼嘴社区", admin, streetId: streetB.Id);
        var grid = await places.SaveGridAsync(null, community.Id, "第一网格", admin);
        var courtyard = await places.SaveCourtyardAsync(null, new CourtyardInput("鱼嘴小区", grid.Id, CourtyardKind.Commercial, 200, 29.7, 106.8), admin);
        return (streetA, streetB, courtyard);
    }
}
