using System.Text;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>One request a careless or hostile client could send, printable when a property fails.</summary>
public sealed record HostileRequest(string Method, string Url, string Caller, string Language, string? ContentType, byte[] Body)
{
    public bool IsMachinePath => Url.StartsWith("/api/", StringComparison.Ordinal) || Url.StartsWith("/photos/", StringComparison.Ordinal);

    public bool Writes => Method is not "GET";

    public HttpRequestMessage ToMessage(string? token)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (ContentType is not null || Body.Length > 0)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        message.Headers.TryAddWithoutValidation("Accept-Language", Language);
        if (token is not null) message.Headers.Authorization = new("Bearer", token);
        return message;
    }

    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body);
        return $"{Caller} {Method} {Url} [{ContentType ?? "no content type"}] ({Language}) {body[..Math.Min(body.Length, 400)]}{(body.Length > 400 ? $"… ({Body.Length} bytes)" : "")}";
    }
}
