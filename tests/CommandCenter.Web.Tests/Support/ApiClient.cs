using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// Thin helpers over HttpClient so each test reads as the calls a client makes. With <paramref name="posts"/>,
/// each case command goes as the post that takes it; reports and reads stay with <paramref name="http"/>.
/// </summary>
public sealed class ApiClient(HttpClient http, CasePosts? posts = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http => http;

    public async Task<CaseDetail> ReportAsync(object request)
    {
        var response = await http.PostAsJsonAsync("/api/cases", request, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDetail>(Json))!;
    }

    public async Task<CaseDetail> CommandAsync(Guid id, string command, object? body = null)
    {
        var response = await PostAsync(id, command, body);
        Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseDetail>(Json))!;
    }

    /// <summary>The client that sends <paramref name="command"/> on the case: the post that takes it, or the one this client was made with.</summary>
    public async Task<HttpClient> SenderAsync(Guid id, string command) => posts is null ? http : await posts.ClientForAsync(id, command);

    public async Task<HttpResponseMessage> PostAsync(Guid id, string command, object? body = null)
    {
        var sender = await SenderAsync(id, command);
        return body is null
            ? await sender.PostAsync($"/api/cases/{id}/{command}", null)
            : await sender.PostAsJsonAsync($"/api/cases/{id}/{command}", body, Json);
    }

    public async Task<CaseDetail> GetAsync(Guid id) =>
        (await http.GetFromJsonAsync<CaseDetail>($"/api/cases/{id}", Json))!;

    public async Task<T> GetAsync<T>(string url) => (await http.GetFromJsonAsync<T>(url, Json))!;

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
