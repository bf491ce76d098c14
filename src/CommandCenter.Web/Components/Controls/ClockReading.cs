namespace CommandCenter.Web.Components.Controls;

/// <summary>The time a <see cref="LiveClock"/> last read; cascaded so countdowns share one timer.</summary>
public sealed record ClockReading(DateTime UtcNow);
