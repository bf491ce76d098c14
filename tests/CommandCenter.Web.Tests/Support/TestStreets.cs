using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Support;

/// <summary>A second street beside the demo's, and posts of one street only, for the tests of several streets (docs/decisions/0017).</summary>
public static class TestStreets
{
    public const string SecondCode = "YL";

    /// <summary>
    /// Street 鱼嘴 (YL) with a community, a grid and an outlined courtyard, all through the administrator's API, once per
    /// factory; its id and its courtyard's.
    /// </summary>
    public static async Task<(StreetId Street, CourtyardId Courtyard)> SecondStreetAsync(CommandCenterFactory factory)
    {
        using var admin = factory.ClientAs("admin");
        return await SecondStreetAsync(factory.Services, admin);
    }

    /// <summary>The same, in an app whose services and administrator's client are given (an app built on its own clock).</summary>
    public static async Task<(StreetId Street, CourtyardId Courtyard)> SecondStreetAsync(IServiceProvider services, HttpClient admin)
    {
        var directory = services.GetRequiredService<OrganisationDirectory>();
        if (directory.Streets.SingleOrDefault(s => s.Code == SecondCode) is { } made)
            return (made.Id, directory.Courtyards.First(c => directory.Community(c.CommunityId)!.StreetId == made.Id).Id);
        var street = await IdOf(await admin.PostAsJsonAsync("/api/admin/places/streets", new { name = "鱼嘴街道", streetCode = SecondCode }));
        var community = await IdOf(await admin.PostAsJsonAsync("/api/admin/places/communities", new { name = "鱼嘴社区", streetId = street }));
        var grid = await IdOf(await admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "第一网格", communityId = community }));
        var courtyard = await IdOf(await admin.PostAsJsonAsync("/api/admin/places/courtyards", new
        {
            name = "鱼嘴小区", gridId = grid, kind = "Commercial", homes = 200, latitude = 29.7, longitude = 106.8,
            outline = new[] { new[] { 106.7995, 29.6996 }, [106.8005, 29.6996], [106.8005, 29.7004], [106.7995, 29.7004], [106.7995, 29.6996] },
        }));
        return (new StreetId(street), new CourtyardId(courtyard));
    }

    /// <summary>A street-level post of one street only: written as the roster would, then every server's directory reloaded.</summary>
    public static Task<StaffId> StaffAsync(CommandCenterFactory factory, StreetId street, AccessRole role) => StaffAsync(factory.Services, street, role);

    /// <summary>The same, in an app whose services are given (an app built on its own clock).</summary>
    public static async Task<StaffId> StaffAsync(IServiceProvider services, StreetId street, AccessRole role)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var id = new StaffId((await db.Staff.MaxAsync(s => s.Id)).Value + 1);
        db.Staff.Add(Staff.New(id, "街道人员", $"166{id.Value:D8}", role, null, null, null, streetId: street));
        await db.SaveChangesAsync();
        await services.GetRequiredService<DirectoryChanges>().AfterCommitAsync(db, CancellationToken.None);
        return id;
    }

    /// <summary>A client signed in as a new post of <paramref name="street"/>.</summary>
    public static async Task<HttpClient> ClientOfAsync(CommandCenterFactory factory, StreetId street, AccessRole role) =>
        factory.CreateClient().WithToken(TestAccess.StaffToken(factory.Services, await StaffAsync(factory, street, role)));

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
