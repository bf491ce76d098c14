using System.Globalization;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// How many intake posts each server has answered with 201, from its own /metrics (ASP.NET Core's request duration
/// histogram, served to loopback): the proxy's round robin as the servers saw it.
/// </summary>
internal static class ServedIntake
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<long[]> CountAsync(IEnumerable<AppProcess> servers) =>
        await Task.WhenAll(servers.Select(async server => Count(await Http.GetStringAsync(new Uri(server.Address, "/metrics")))));

    private static long Count(string metrics) => metrics.Split('\n')
        .Where(line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_request_method=\"POST\"", StringComparison.Ordinal)
            && line.Contains("http_response_status_code=\"201\"", StringComparison.Ordinal)
            && line.Contains("http_route=\"/api/cases/\"", StringComparison.Ordinal))
        .Sum(line => (long)double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], CultureInfo.InvariantCulture));
}
