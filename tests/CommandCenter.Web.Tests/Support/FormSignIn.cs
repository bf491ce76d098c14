using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Web.Tests.Support;

/// <summary>A browser's way through the app's forms: cookies kept, redirects not followed, the antiforgery token read from the page.</summary>
public static partial class FormSignIn
{
    public static HttpClient Browser(CommandCenterFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string page) =>
        AntiforgeryField().Match(await browser.GetStringAsync(page)).Groups[1].Value;

    /// <summary>Fills in the sign-in form like a browser; the answer is where it redirects.</summary>
    public static async Task<string> SignInAsync(HttpClient browser, string userName, string password, string? returnUrl = null)
    {
        var token = await TokenAsync(browser, "/account/login");
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["returnUrl"] = returnUrl ?? "", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
