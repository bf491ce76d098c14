using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;

namespace CommandCenter.Web.Tests.Support;

/// <summary>A person not in the demo street, added for one test: a dispatcher with a sign-in of their own.</summary>
/// <param name="PhonePart">Seven digits of <paramref name="Phone"/> that no other person's phone holds, for a partial search.</param>
public sealed record TestPerson(StaffId Id, string Name, string Phone, string PhonePart, string UserName, string Password);

/// <summary>
/// People added through the administrator's API. Each call makes someone no other test of the same app has made
/// (name, phone, user name), so tests sharing one app each assert on their own person.
/// </summary>
public static class TestPeople
{
    public const string Password = "Dispatch-2026";
    private static int _added;

    public static async Task<TestPerson> AddAsync(HttpClient admin)
    {
        var n = Interlocked.Increment(ref _added);
        var phonePart = $"139{n:D4}";
        // Names are people's names: the number is spelt in Chinese digits, all three so that no name holds another.
        var name = "李娜" + string.Concat($"{n:D3}".Select(d => "零一二三四五六七八九"[d - '0']));
        var person = new TestPerson(default, name, phonePart + "5678", phonePart, $"lina{n:D3}", Password);
        var added = await admin.PostAsJsonAsync("/api/admin/staff/",
            new StaffRequest(person.Name, person.Phone, AccessRole.Dispatcher, null, null, null, person.UserName, person.Password));
        added.EnsureSuccessStatusCode();
        return person with { Id = (await added.Content.ReadFromJsonAsync<AddedStaff>(ApiClient.Json))!.Id };
    }

    /// <summary>The ProblemDetails code of a refused call.</summary>
    public static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
