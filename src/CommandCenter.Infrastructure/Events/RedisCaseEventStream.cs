using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommandCenter.Infrastructure.Events;

/// <summary>
/// The multi-server stream: a batch is delivered to this server's subscribers at once and
/// published on a Redis channel; batches from other servers arrive from Redis. Each batch
/// carries its server's id, so a server never delivers its own batch twice.
/// </summary>
public sealed class RedisCaseEventStream : ICaseEventStream, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Guid _origin = Guid.NewGuid();
    private readonly InProcessCaseEventStream _local;
    private readonly InProcessCaseEventStream _committedHere;
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly ILogger<RedisCaseEventStream> _logger;
    private ImmutableArray<Action> _directoryHandlers = [];

    public RedisCaseEventStream(IConnectionMultiplexer redis, IOptions<EventsOptions> options, ILoggerFactory loggers)
    {
        _local = new InProcessCaseEventStream(loggers.CreateLogger<InProcessCaseEventStream>());
        _committedHere = new InProcessCaseEventStream(loggers.CreateLogger<InProcessCaseEventStream>());
        _logger = loggers.CreateLogger<RedisCaseEventStream>();
        _channel = RedisChannel.Literal(options.Value.Channel);
        _subscriber = redis.GetSubscriber();
        _subscriber.Subscribe(_channel, (_, message) => Receive(message));
    }

    public void Publish(IReadOnlyList<CaseEvent> events)
    {
        if (events.Count == 0) return;
        _local.Publish(events);
        _committedHere.Publish(events);
        var message = JsonSerializer.Serialize(new Envelope(_origin, events), Json);
        // Fire and forget: the commit is done; a server that misses a batch rebuilds from the database on reconnect.
        _subscriber.Publish(_channel, message, CommandFlags.FireAndForget);
    }

    public IDisposable Subscribe(Action<IReadOnlyList<CaseEvent>> handler) => _local.Subscribe(handler);

    public IDisposable SubscribeToCommitsHere(Action<IReadOnlyList<CaseEvent>> handler) => _committedHere.Subscribe(handler);

    public void AnnounceDirectoryChange() =>
        _subscriber.Publish(_channel, JsonSerializer.Serialize(new Envelope(_origin, [], DirectoryChanged: true), Json), CommandFlags.FireAndForget);

    public IDisposable SubscribeToDirectoryChangesElsewhere(Action handler)
    {
        ImmutableInterlocked.Update(ref _directoryHandlers, h => h.Add(handler));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _directoryHandlers, h => h.Remove(handler)));
    }

    public void Dispose() => _subscriber.Unsubscribe(_channel);

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString(), Json);
            if (envelope is null || envelope.Origin == _origin) return;
            if (!envelope.DirectoryChanged) _local.Publish(envelope.Events);
            else foreach (var handler in _directoryHandlers) handler();
        }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "A message on the case event channel could not be read");
        }
    }

    private sealed record Envelope(Guid Origin, IReadOnlyList<CaseEvent> Events, bool DirectoryChanged = false);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
