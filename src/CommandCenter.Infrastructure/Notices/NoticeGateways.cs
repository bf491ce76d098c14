using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Notices;

/// <summary>What a gateway is handed: the notice's idempotency key travels with every try.</summary>
public sealed record NoticeMessage(Guid Key, string Kind, string? CaseNumber, string RecipientName, string Phone, string Text)
{
    public static NoticeMessage Of(Notice notice) =>
        new(notice.Key, notice.Kind.ToString(), notice.CaseNumber, notice.RecipientName, notice.Phone, notice.Text);
}

/// <summary>Hands a notice on; throws when the gateway did not take it, so the worker tries again later.</summary>
public interface INoticeGateway
{
    Task SendAsync(NoticeMessage message, CancellationToken cancellationToken);
}

/// <summary>The default: each notice goes to the log, and the admin notices page lists the sent ones.</summary>
public sealed partial class DevelopmentNoticeGateway(ILogger<DevelopmentNoticeGateway> logger) : INoticeGateway
{
    public Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        Log(logger, message.Key, message.Phone, message.Text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {Key} to {Phone}: {Text}")]
    private static partial void Log(ILogger logger, Guid key, string phone, string text);
}

/// <summary>
/// POSTs each notice to a configured URL with the configured body, basic or bearer credentials and an
/// Idempotency-Key header; any status but 2xx is a failure to retry.
/// </summary>
public sealed class HttpNoticeGateway(HttpClient http, IOptions<NoticeOptions> options) : INoticeGateway
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public async Task SendAsync(NoticeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(Body(settings.BodyTemplate, message), Encoding.UTF8, settings.ContentType),
        };
        request.Headers.Add("Idempotency-Key", message.Key.ToString());
        if (!string.IsNullOrEmpty(settings.BearerToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BearerToken);
        else if (!string.IsNullOrEmpty(settings.UserName))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The notice gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    public static string Body(string template, NoticeMessage message) => template
        .Replace("{key}", message.Key.ToString(), StringComparison.Ordinal)
        .Replace("{phone}", Encoder.Encode(message.Phone), StringComparison.Ordinal)
        .Replace("{name}", Encoder.Encode(message.RecipientName), StringComparison.Ordinal)
        .Replace("{kind}", message.Kind, StringComparison.Ordinal)
        .Replace("{case}", Encoder.Encode(message.CaseNumber ?? ""), StringComparison.Ordinal)
        .Replace("{text}", Encoder.Encode(message.Text), StringComparison.Ordinal);
}
