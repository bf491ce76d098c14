using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;

namespace CommandCenter.Web.Tests.Support;

/// <summary>A person who is not in the demo street, added through the administrator's API: 李娜, dispatcher, signing in as "lina".</summary>
public static class TestPeople
{
    public const string LinaPassword = "Dispatch-2026";
    public const string LinaPhone = "13912345678";

    public static async Task<StaffId> AddLinaAsync(HttpClient admin)
    {
        var added = await admin.PostAsJsonAsync("/api/admin/staff/",
            new StaffRequest("李娜", LinaPhone, AccessRole.Dispatcher, null, null, null, "lina", LinaPassword));
        added.EnsureSuccessStatusCode();
        return (await added.Content.ReadFromJsonAsync<AddedStaff>(ApiClient.Json))!.Id;
    }

    /// <summary>The ProblemDetails code of a refused call.</summary>
    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
