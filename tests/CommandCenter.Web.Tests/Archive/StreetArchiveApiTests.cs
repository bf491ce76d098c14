using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>A street's post reads only its street's archive: another street's courtyards, people and numbers are 404 or absent (0017).</summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task AStreetsPost_ReadsOnlyItsStreetsArchive()
    {
        var (streetB, courtyardB) = await TestStreets.SecondStreetAsync(app.Factory);
        var streetA = app.Directory.Streets.Single(s => s.Code != TestStreets.SecondCode).Id;
        var courtyardA = app.Directory.Courtyards.First(c => app.Directory.StreetOf(c)!.Id == streetA).Id;
        await using var db = app.Context();
        var residentOfA = await db.Residents.Where(r => r.PhoneCipher != null).Select(r => r.Id).FirstAsync();
        using var ofB = await TestStreets.ClientOfAsync(app.Factory, streetB, AccessRole.Dispatcher);
        using var ofA = await TestStreets.ClientOfAsync(app.Factory, streetA, AccessRole.Dispatcher);

        Assert.Equal(HttpStatusCode.NotFound, (await ofB.GetAsync($"/api/archive/courtyards/{courtyardA.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ofB.GetAsync($"/api/archive/courtyards/{courtyardB.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ofB.PostAsync($"/api/archive/residents/{residentOfA.Value}/reveal", null)).StatusCode);
        var found = await ofB.GetFromJsonAsync<JsonElement>("/api/archive/people?tag=SchoolAgeChild&pageSize=200");
        Assert.Equal(0, found.GetProperty("totalCount").GetInt32());
        var export = await ofB.PostAsJsonAsync("/api/archive/people/export.csv", new { tag = "SchoolAgeChild", reason = "开学前走访" });
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Single((await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(HttpStatusCode.OK, (await ofA.GetAsync($"/api/archive/courtyards/{courtyardA.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ofA.GetAsync($"/api/archive/courtyards/{courtyardB.Value}")).StatusCode);
        Assert.True((await ofA.GetFromJsonAsync<JsonElement>("/api/archive/people?tag=SchoolAgeChild&pageSize=1")).GetProperty("totalCount").GetInt32() > 0);
    }
}
