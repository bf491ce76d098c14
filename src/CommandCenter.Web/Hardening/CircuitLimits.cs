using Microsoft.AspNetCore.Components.Server;

namespace CommandCenter.Web.Hardening;

/// <summary>
/// Blazor Server's circuit limits, set on purpose (see the threat-mitigation guidance for
/// interactive server rendering): a wall of 200 screens must fit, a flood of half-open circuits must not.
/// </summary>
internal static class CircuitLimits
{
    public static void Apply(CircuitOptions options)
    {
        // A wall player that loses its network keeps its circuit for a short outage, not forever.
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        options.DisconnectedCircuitMaxRetained = 300;
        // A browser that stops acknowledging renders gets no more queued for it. Two, not the framework's ten: a
        // wall or queue only needs its newest state, which the renderer folds into the next batch once the browser
        // catches up, while every batch held for a slow screen is server memory (most of a lagging wall's).
        options.MaxBufferedUnacknowledgedRenderBatches = 2;
        options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
        // Never send exception details to browsers; they are logged on the server.
        options.DetailedErrors = false;
    }
}
