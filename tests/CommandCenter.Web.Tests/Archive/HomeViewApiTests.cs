using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>A home read through the API: a resident who left stays in its history, without numbers; tags only for posts that see them; 404 outside the scope.</summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task AHome_KeepsTheResidentsWhoLeft_AsHistory_AndShowsNumbersMasked()
    {
        var home = await HomeIn("grid", skip: 5);
        var client = app.Factory.ClientAs("grid");
        var added = await client.PostAsJsonAsync($"/api/archive/homes/{home.Value}/residents", Grandson);
        var id = int.Parse(added.Headers.Location!.ToString().Split('/')[^1]);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/archive/residents/{id}", new { movedInOn = "2021-03-01" })).StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/archive/homes/{home.Value}");
        var row = current.GetProperty("residents").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(("2021-03-01", "138****8000"), (row.GetProperty("movedInOn").GetString(), row.GetProperty("phone").GetString()));
        Assert.Equal(JsonValueKind.Array, current.GetProperty("cases").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/archive/residents/{id}/removal", new { reason = "Deceased", on = "2026-11-30" })).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/archive/homes/{home.Value}");
        Assert.DoesNotContain(after.GetProperty("residents").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var former = after.GetProperty("formerResidents").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(("Deceased", "2021-03-01", "2026-11-30"),
            (former.GetProperty("removal").GetString(), former.GetProperty("movedInOn").GetString(), former.GetProperty("movedOutOn").GetString()));
        Assert.False(former.TryGetProperty("phone", out _));

        var elsewhere = await HomeOutside("grid");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/archive/homes/{elsewhere.Value}")).StatusCode);
        var property = await app.Factory.ClientAs("property").GetFromJsonAsync<JsonElement>($"/api/archive/homes/{(await HomeIn("property")).Value}");
        Assert.All(property.GetProperty("residents").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("tags").ValueKind));
    }
}
