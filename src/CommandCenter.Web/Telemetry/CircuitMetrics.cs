using System.Diagnostics.Metrics;
using CommandCenter.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CommandCenter.Web.Telemetry;

/// <summary>
/// Blazor circuits on this server: open ones (kept in memory, each a wall, console or phone page) and
/// those whose browser is connected now. Open but not connected is a page waiting to reconnect.
/// </summary>
internal sealed class CircuitMetrics : CircuitHandler
{
    private readonly UpDownCounter<int> _open;
    private readonly UpDownCounter<int> _connected;

    public CircuitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CommandCenterMetrics.MeterName);
        _open = meter.CreateUpDownCounter<int>("cc.circuits.open", "{circuit}", "Blazor circuits this server keeps");
        _connected = meter.CreateUpDownCounter<int>("cc.circuits.connected", "{circuit}", "Blazor circuits whose browser is connected");
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _open.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _open.Add(-1);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _connected.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _connected.Add(-1);
        return Task.CompletedTask;
    }
}
