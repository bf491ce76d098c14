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
/// Redis keeps nothing for a subscriber that is away: when the subscription connection fails, every
/// other server's batch until it is back is lost, so once it is back the stream tells its resume
/// subscribers to read again what they keep. "Back" is proved by a probe of ours coming round the
/// channel, started at the failure and repeated until it does: the client raises its failure and
/// restore events on the thread pool, in no promised order, and a restored connection may not have
/// subscribed again yet, so neither event alone can say when the channel works again.
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
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableArray<Action> _directoryHandlers = [];
    private ImmutableArray<Action> _resumeHandlers = [];
    // 1 from a failure of the subscription connection until its resume has been announced.
    private int _broken;
    private int _confirming;
    private Probe? _probe;

    public RedisCaseEventStream(IConnectionMultiplexer redis, IOptions<EventsOptions> options, ILoggerFactory loggers)
    {
        _redis = redis;
        _local = new InProcessCaseEventStream(loggers.CreateLogger<InProcessCaseEventStream>());
        _committedHere = new InProcessCaseEventStream(loggers.CreateLogger<InProcessCaseEventStream>());
        _logger = loggers.CreateLogger<RedisCaseEventStream>();
        _channel = RedisChannel.Literal(options.Value.Channel);
        _subscriber = redis.GetSubscriber();
        _subscriber.Subscribe(_channel, (_, message) => Receive(message));
        redis.ConnectionFailed += OnConnectionFailed;
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

    public IDisposable SubscribeToResumes(Action handler)
    {
        ImmutableInterlocked.Update(ref _resumeHandlers, h => h.Add(handler));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _resumeHandlers, h => h.Remove(handler)));
    }

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _stopping.Cancel();
        _subscriber.Unsubscribe(_channel);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription) return;
        if (Interlocked.Exchange(ref _broken, 1) == 0)
            _logger.LogWarning("Redis subscription lost ({Failure}): other servers' case events are missed until it is back", e.FailureType);
        StartConfirming();
    }

    private void StartConfirming()
    {
        if (!_stopping.IsCancellationRequested && Interlocked.Exchange(ref _confirming, 1) == 0) _ = ConfirmResumedAsync();
    }

    /// <summary>
    /// Probes until our own message comes back through the channel, then announces the resume; again if the
    /// subscription failed meanwhile, since what was published between the two failures is lost too.
    /// </summary>
    private async Task ConfirmResumedAsync()
    {
        try
        {
            do
            {
                while (!await ProbeAsync()) await Task.Delay(ProbeTimeout, _stopping.Token);
                Interlocked.Exchange(ref _broken, 0);
                _logger.LogInformation("Redis subscription is back: what this server keeps from the case event stream is read again from the database");
                foreach (var handler in _resumeHandlers)
                {
                    try
                    {
                        handler();
                    }
                    catch (Exception e)
                    {
                        _logger.LogError(e, "A resume subscriber failed");
                    }
                }
            }
            while (Volatile.Read(ref _broken) == 1);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Exchange(ref _confirming, 0);
        }
        // A failure heard between the loop's last look and the line above found this still confirming.
        if (Volatile.Read(ref _broken) == 1) StartConfirming();
    }

    private async Task<bool> ProbeAsync()
    {
        var probe = new Probe(Guid.NewGuid());
        _probe = probe;
        try
        {
            await _subscriber.PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(_origin, [], ProbeId: probe.Id), Json))
                .WaitAsync(ProbeTimeout, _stopping.Token);
            await probe.Returned.Task.WaitAsync(ProbeTimeout, _stopping.Token);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or RedisException)
        {
            return false;
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString(), Json);
            if (envelope is null) return;
            if (envelope.ProbeId is { } probe)
            {
                if (_probe is { } pending && pending.Id == probe) pending.Returned.TrySetResult();
                return;
            }
            if (envelope.Origin == _origin) return;
            if (!envelope.DirectoryChanged) _local.Publish(envelope.Events);
            else foreach (var handler in _directoryHandlers) handler();
        }
        catch (JsonException e)
        {
            _logger.LogWarning(e, "A message on the case event channel could not be read");
        }
    }

    private sealed record Envelope(Guid Origin, IReadOnlyList<CaseEvent> Events, bool DirectoryChanged = false, Guid? ProbeId = null);

    private sealed record Probe(Guid Id)
    {
        public TaskCompletionSource Returned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
