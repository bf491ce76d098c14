using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// The SQL commands EF Core executes in this process while it lives, with their parameters, from EF's diagnostic
/// events: for asking the database how it runs exactly what the app sent (EXPLAIN). Tests in parallel add theirs too.
/// </summary>
public sealed class ExecutedCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<ExecutedCommand> _texts = [];

    public ExecutedCommands() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    public IReadOnlyList<ExecutedCommand> Texts
    {
        get { lock (_texts) return [.. _texts]; }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data) return;
        var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (_texts) _texts.Add(new ExecutedCommand(data.Command.Connection?.DataSource, data.Command.Connection?.Database, data.Command.CommandText, parameters));
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}

/// <summary>
/// A command as it was sent: where it went (a SQLite file's path; a server, whose databases <paramref name="Database"/>
/// tells apart), its text and its parameters.
/// </summary>
public sealed record ExecutedCommand(string? DataSource, string? Database, string Text, IReadOnlyList<(string Name, object? Value)> Parameters);
