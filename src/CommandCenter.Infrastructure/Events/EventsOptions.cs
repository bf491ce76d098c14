namespace CommandCenter.Infrastructure.Events;

public enum EventsProvider
{
    /// <summary>One server: subscribers in this process.</summary>
    InProcess,
    /// <summary>Several servers: every server's subscribers see every server's commits, through Redis.</summary>
    Redis,
}

/// <summary>Section "Events": how committed case events reach every server.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    public EventsProvider Provider { get; set; } = EventsProvider.InProcess;

    /// <summary>StackExchange.Redis configuration, e.g. "127.0.0.1:6379"; also the SignalR backplane's.</summary>
    public string? RedisConnectionString { get; set; }

    public string Channel { get; set; } = "commandcenter:case-events";
}
