using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.Benchmarks;

/// <summary>Intake reports as a hotline sends them, on random leaf categories and courtyards of the running app's street.</summary>
internal sealed class ReportSamples(int[] courtyards, string[] categories)
{
    public static async Task<ReportSamples> LoadAsync(HttpClient http)
    {
        var courtyards = (await http.GetFromJsonAsync<JsonElement[]>("/api/reference/courtyards"))!.Select(c => c.GetProperty("id").GetInt32()).ToArray();
        var categories = (await http.GetFromJsonAsync<JsonElement[]>("/api/reference/categories"))!
            .Where(c => c.GetProperty("parentCode").ValueKind == JsonValueKind.String)
            .Select(c => c.GetProperty("code").GetString()!).ToArray();
        return new ReportSamples(courtyards, categories);
    }

    /// <summary>The body of POST /api/cases.</summary>
    public object Next(Random random, string description) => new
    {
        channel = "Hotline",
        categoryCode = categories[random.Next(categories.Length)],
        urgency = "Normal",
        courtyardId = courtyards[random.Next(courtyards.Length)],
        description,
        reporterPhone = "13800000000",
    };
}
