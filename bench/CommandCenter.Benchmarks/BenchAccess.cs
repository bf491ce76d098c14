using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommandCenter.Benchmarks;

/// <summary>
/// The tokens the measured clients hold, made as an administrator would make them: signed in
/// through the real form as the demo administrator, then through the admin API. The dispatch
/// desk's changes go with a staff token; hub clients and wall pages with a read-only display token.
/// </summary>
internal sealed partial record BenchAccess(string DisplaySecret, string DispatcherSecret)
{
    // The demo street's first dispatcher (the administrator is 1, the street leaders 2 and 3).
    private const int DispatcherStaffId = 4;
    private const string DemoPassword = "CunTan-2026";

    public static async Task<BenchAccess> CreateAsync(Uri app)
    {
        using var admin = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await admin.GetStringAsync("/account/login");
        var signedIn = await admin.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = DemoPassword, ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }));
        if (signedIn.Headers.Location?.OriginalString.Contains("error", StringComparison.Ordinal) != false)
            throw new InvalidOperationException("The benchmark could not sign in as the demo administrator.");
        return new BenchAccess(
            await SecretAsync(admin, "/api/admin/tokens/display", new { name = "benchmark wall" }),
            await SecretAsync(admin, "/api/admin/tokens/staff", new { name = "benchmark dispatch desk", staffId = DispatcherStaffId }));
    }

    private static async Task<string> SecretAsync(HttpClient admin, string path, object request)
    {
        var response = await admin.PostAsJsonAsync(path, request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
