using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// POST /api/cases naming the courtyard's facility it is about: stored, shown with the case and its timeline, counted on the
/// courtyard's page; a facility of another courtyard, a retired one, an unknown id or one that is no number is refused with its
/// code and nothing is stored.
/// </summary>
/// <remarks>Run on SQLite and on PostgreSQL: <see cref="CaseFacilityApiOnSqliteTests"/>, <see cref="CaseFacilityApiOnPostgresTests"/>.</remarks>
public abstract class CaseFacilityApiTests(ApiApp app)
{
    private OrganisationDirectory Directory => app.Factory.Services.GetRequiredService<OrganisationDirectory>();

    [Fact]
    public async Task ACaseAboutALift_IsStoredWithIt_ShownWithTheCase_AndCountedOnTheCourtyardPage()
    {
        var (courtyard, _) = CommunityCourtyard();
        var lift = await AddFacilityAsync(courtyard, "3栋电梯");

        var created = await app.Api.ReportAsync(Report(courtyard, lift));

        Assert.Equal(new CaseFacilityView(lift, FacilityKind.Lift, "3栋电梯"),
            new CaseFacilityView(created.Place.Facility!.Id.Value, created.Place.Facility.Kind, created.Place.Facility.Place));
        var read = await app.Api.GetAsync(created.Id);
        Assert.Equal((FacilityKind.Lift, "3栋电梯"), (read.Place.Facility!.Kind, read.Place.Facility.Place));
        var reported = Assert.Single(read.Timeline);
        Assert.Equal(("FacilityKind.Lift", "3栋电梯"), (reported.Detail, reported.Note));
        await using (var db = Context())
            Assert.Equal(new FacilityId(lift), (await db.Cases.SingleAsync(c => c.Id == created.Id)).FacilityId);

        // Worked by hand: one open case this year names the lift, none names the bin beside it.
        var bin = await AddFacilityAsync(courtyard, "西门垃圾站", "Bin");
        var page = await app.Factory.ClientAs("community").GetFromJsonAsync<JsonElement>($"/api/archive/courtyards/{courtyard.Value}");
        var rows = page.GetProperty("facilities").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetInt64());
        Assert.Equal((1, 1), (rows[lift].GetProperty("openCases").GetInt32(), rows[lift].GetProperty("casesThisYear").GetInt32()));
        Assert.Equal((0, 0), (rows[bin].GetProperty("openCases").GetInt32(), rows[bin].GetProperty("casesThisYear").GetInt32()));
    }

    [Fact]
    public async Task TheListWrittenWhole_RetiresARowACaseNames_AndDeletesTheOthers()
    {
        var (courtyard, community) = CommunityCourtyard(skip: 1);
        var named = await AddFacilityAsync(courtyard, "2栋电梯");
        var unnamed = await AddFacilityAsync(courtyard, "5栋电梯");
        await app.Api.ReportAsync(Report(courtyard, named));

        await Lists.RecordFacilitiesAsync(community, courtyard, new FacilitiesInput([new FacilityInput(FacilityKind.Camera, 4, "大门")]));

        await using var db = Context();
        Assert.NotNull((await db.Facilities.SingleAsync(f => f.Id == named)).RetiredAtUtc);
        Assert.False(await db.Facilities.AnyAsync(f => f.Id == unnamed));
    }

    public static TheoryData<string, HttpStatusCode, string> BadFacilities => new()
    {
        { "another courtyard's", HttpStatusCode.UnprocessableEntity, "FacilityNotInCourtyard" },
        { "retired", HttpStatusCode.UnprocessableEntity, "ReportedFacilityRetired" },
        { "unknown", HttpStatusCode.UnprocessableEntity, "UnknownReference" },
        { "a word", HttpStatusCode.BadRequest, "UnreadableBody" },
        { "a fraction", HttpStatusCode.BadRequest, "UnreadableBody" },
    };

    [Theory]
    [MemberData(nameof(BadFacilities))]
    public async Task ABadFacility_IsRefusedWithItsCode_AndNothingIsStored(string which, HttpStatusCode status, string code)
    {
        var (courtyard, _) = CommunityCourtyard(skip: 2);
        object facilityId = which switch
        {
            "another courtyard's" => await AddFacilityAsync(CommunityCourtyard(skip: 3).Courtyard, "别院电梯"),
            "retired" => await RetiredAsync(courtyard),
            "unknown" => 987_654_321L,
            "a word" => "lift",
            _ => 1.5,
        };
        var description = $"电梯停运 {Guid.NewGuid():N}";
        await using var before = Context();
        var (cases, facilities) = (await before.Cases.CountAsync(), await before.Facilities.CountAsync());

        var response = await app.Api.Http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = courtyard.Value, description, facilityId,
        });

        Assert.Equal(status, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("facilityId", problem.GetProperty("field").GetString());
        await using var after = Context();
        // Timers may write events on other cases meanwhile: what is counted is what this report could have stored.
        Assert.Equal((cases, facilities, false), (await after.Cases.CountAsync(), await after.Facilities.CountAsync(), await after.Cases.AnyAsync(c => c.Description == description)));
    }

    private static object Report(CourtyardId courtyard, long facility) => new
    {
        channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = courtyard.Value, description = "电梯困人", facilityId = facility,
    };

    private CourtyardLists Lists => app.Factory.Services.GetRequiredService<CourtyardLists>();

    /// <summary>A courtyard of the community post's, which keeps its facilities and sees its cases.</summary>
    private (CourtyardId Courtyard, Post Community) CommunityCourtyard(int skip = 0)
    {
        var community = Directory.PostOf(DemoAccounts.StaffOf("community", Directory.Staff)!, ActSource.Api);
        var courtyards = app.Factory.Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(community);
        return (courtyards.OrderBy(c => c.Id.Value).Skip(skip).First().Id, community);
    }

    private Task<long> AddFacilityAsync(CourtyardId courtyard, string place, string kind = "Lift") =>
        Lists.AddFacilityAsync(CommunityCourtyard().Community, courtyard, new FacilityInput(Enum.Parse<FacilityKind>(kind), 1, place));

    private async Task<long> RetiredAsync(CourtyardId courtyard)
    {
        var id = await AddFacilityAsync(courtyard, "旧电梯");
        await Lists.RetireFacilityAsync(CommunityCourtyard().Community, id);
        return id;
    }

    private CommandCenterDbContext Context() => app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();

    private sealed record CaseFacilityView(long Id, FacilityKind? Kind, string? Place);
}

public sealed class CaseFacilityApiOnSqliteTests(ApiApp app) : CaseFacilityApiTests(app), IClassFixture<ApiApp>;

public sealed class CaseFacilityApiOnPostgresTests(PostgresApiApp app) : CaseFacilityApiTests(app), IClassFixture<PostgresApiApp>;
