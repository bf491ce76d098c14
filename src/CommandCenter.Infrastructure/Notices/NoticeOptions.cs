using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Infrastructure.Notices;

public enum NoticeGatewayKind
{
    /// <summary>Writes each notice to the log; the admin notices page lists them.</summary>
    Development,
    /// <summary>POSTs each notice to a street's SMS provider or 12345 platform.</summary>
    Http,
}

/// <summary>Section "Notices".</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    /// <summary>Whether this server runs the sending worker (every server may: claims keep them apart).</summary>
    public bool WorkerEnabled { get; set; } = true;
    public NoticeGatewayKind Gateway { get; set; } = NoticeGatewayKind.Development;
    /// <summary>The address residents open the tracking link at, e.g. https://cc.example.gov.cn.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5199";
    /// <summary>China time, "HH:mm"; equal ends switch quiet hours off.</summary>
    public string QuietHoursStart { get; set; } = "22:00";
    public string QuietHoursEnd { get; set; } = "07:00";
    [Range(1, 10_000)] public int RatePerRecipient { get; set; } = 20;
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);
    [Range(1, 100)] public int MaxAttempts { get; set; } = 6;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How long a claimed notice is a worker's before another may take it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    [Range(1, 10_000)] public int BatchSize { get; set; } = 200;
    [Range(1, 256)] public int Parallelism { get; set; } = 16;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public HttpGatewayOptions Http { get; set; } = new();
}

/// <summary>
/// Section "Notices:Http". <see cref="BodyTemplate"/> takes {key}, {phone}, {text}, {kind}, {case}
/// and {name}, each escaped as a JSON string's content.
/// </summary>
public sealed class HttpGatewayOptions
{
    public string Url { get; set; } = "";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? BearerToken { get; set; }
    public string ContentType { get; set; } = "application/json";
    public string BodyTemplate { get; set; } = """{"id":"{key}","phone":"{phone}","text":"{text}"}""";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
