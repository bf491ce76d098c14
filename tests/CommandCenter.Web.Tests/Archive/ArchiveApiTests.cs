using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The archive as each post walks it: its own courtyards answer, others are 404; property staff see homes
/// and owners but no tags; numbers reach an answer masked, and in full only through an audited reveal.
/// </summary>
public sealed partial class ArchiveApiTests(ArchiveApiTests.App app) : IClassFixture<ArchiveApiTests.App>
{
    [Theory]
    [InlineData("grid")]
    [InlineData("community")]
    [InlineData("property")]
    [InlineData("microgrid")]
    public async Task APost_ReadsItsCourtyards_AndGets404Elsewhere(string user)
    {
        var post = app.PostOf(user);
        var own = app.Archive.VisibleCourtyards(post).First();
        var elsewhere = app.Directory.Courtyards.First(c => !app.Archive.VisibleCourtyards(post).Contains(c));
        var client = app.Factory.ClientAs(user);

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/archive/courtyards/{own.Id.Value}");
        Assert.Equal(own.Name, view.GetProperty("name").GetString());
        Assert.True(view.GetProperty("homes").GetInt32() > 0);
        Assert.InRange(view.GetProperty("ownerHeadCount").GetInt32(), 1, view.GetProperty("homes").GetInt32());
        Assert.Equal(ArchiveScope.SeesTags(post), view.GetProperty("tagCounts").ValueKind == JsonValueKind.Object);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/archive/courtyards/{elsewhere.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/archive/courtyards/99999")).StatusCode);
    }

    [Fact]
    public async Task PropertyStaff_CannotSearchByTag() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("property").GetAsync("/api/archive/people?tag=ElderlyAlone")).StatusCode);

    [Fact]
    public async Task ALiaison_HasNoArchive() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("liaison").GetAsync("/api/archive/courtyards/1")).StatusCode);

    [Theory]
    [InlineData("grid")]
    [InlineData("community")]
    public async Task TheTagSearch_FindsOnlyTheScopesPeople_Masked(string user)
    {
        var post = app.PostOf(user);
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        var page = await app.Factory.ClientAs(user).GetFromJsonAsync<JsonElement>("/api/archive/people?tag=SchoolAgeChild&pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p =>
        {
            Assert.Contains(new CourtyardId(p.GetProperty("courtyardId").GetInt32()), scope);
            Assert.Contains("SchoolAgeChild", p.GetProperty("tags").GetString());
            Assert.Contains("*", p.GetProperty("idNumber").GetString());
        });
        await using var db = app.Context();
        var expected = await db.Residents.CountAsync(r => r.Removal == null && (r.Tags & Domain.Archive.ResidentTags.SchoolAgeChild) != 0
            && db.Homes.Any(h => h.Id == r.HomeId && scope.Contains(h.CourtyardId)));
        Assert.Equal(expected, page.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("tag=Nobody")]
    [InlineData("tag=SchoolAgeChild&pageSize=0")]
    [InlineData("tag=SchoolAgeChild&pageSize=201")]
    [InlineData("tag=SchoolAgeChild&page=-1")]
    [InlineData("")]
    public async Task BadSearches_AreRefusedWithoutA500(string query)
    {
        var response = await app.Factory.ClientAs("grid").GetAsync($"/api/archive/people?{query}");
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{query}: {response.StatusCode}");
    }

    [Fact]
    public async Task TheReveal_ShowsTheNumbersInScope_AuditsIt_AndIs404Outside()
    {
        var post = app.PostOf("grid");
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = app.Context();
        var inside = await db.Residents.Where(r => r.PhoneCipher != null && db.Homes.Any(h => h.Id == r.HomeId && scope.Contains(h.CourtyardId)))
            .Select(r => new { r.Id, r.PhoneMasked, r.IdNumberMasked }).FirstAsync();
        var outside = await db.Residents.Where(r => db.Homes.Any(h => h.Id == r.HomeId && !scope.Contains(h.CourtyardId))).Select(r => r.Id).FirstAsync();
        var audited = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataRevealed);
        var client = app.Factory.ClientAs("grid");

        var revealed = await (await client.PostAsync($"/api/archive/residents/{inside.Id.Value}/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        var phone = revealed.GetProperty("phone").GetString()!;
        Assert.Equal((11, inside.PhoneMasked![..3], inside.PhoneMasked[^4..]), (phone.Length, phone[..3], phone[^4..]));
        Assert.DoesNotContain("*", revealed.GetProperty("idNumber").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/archive/residents/{outside.Value}/reveal", null)).StatusCode);
        await using var after = app.Context();
        var entry = await after.AuditEntries.Where(e => e.Action == AuditActions.PersonalDataRevealed).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((audited + 1, post.StaffId, $"resident {inside.Id}"),
            (await after.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataRevealed), entry.StaffId, entry.Detail));
    }

    public sealed class App : IAsyncLifetime
    {
        public CommandCenterFactory Factory { get; } = new() { DemoCases = 0, Settings = new Dictionary<string, string> { ["Database:DemoArchivePercent"] = "20" } };
        public OrganisationDirectory Directory => Factory.Services.GetRequiredService<OrganisationDirectory>();
        public ArchiveQueries Archive => Factory.Services.GetRequiredService<ArchiveQueries>();

        public Post PostOf(string user) => Directory.PostOf(DemoAccounts.StaffOf(user, Directory.Staff)!, ActSource.Api);

        public CommandCenterDbContext Context() => Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();

        public Task InitializeAsync()
        {
            _ = Factory.Services;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
