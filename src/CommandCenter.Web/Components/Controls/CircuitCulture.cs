using System.Globalization;

namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// The language a circuit renders in, captured on the circuit. A case event is published by
/// someone else — another person's circuit, a timer — and InvokeAsync carries the publisher's
/// culture along; work run through this renders in the handler's own language instead.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <remarks>An async method, so the culture set here ends with the work and never leaks into the publisher's flow.</remarks>
    public async Task RunAsync(Func<Task> work)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await work();
    }
}
