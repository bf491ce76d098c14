namespace CommandCenter.Domain.Access;

/// <summary>
/// Where an act entered the system; written on every timeline event and audit entry, so the
/// audit log can be filtered by it. A new door into the system is a new value here.
/// </summary>
public enum ActSource
{
    /// <summary>The dispatch console (中屏) and its sign-in form.</summary>
    Console,
    /// <summary>The handlers' phone pages (/m): tasks and 随手拍.</summary>
    Phone,
    /// <summary>The HTTP API, called with a sign-in or a staff token, or by another system.</summary>
    Api,
    /// <summary>
    /// The residents' pages and API (/r, /t, /api/public): a QR report, following it, rating it —
    /// also through the tracking link a hotline caller's confirmation SMS carries.
    /// </summary>
    Public,
    /// <summary>The deadline sweep: warnings, missed limits, escalations, auto-closing.</summary>
    Timer,
    /// <summary>Machine-made acts for demos and load: the case simulator and the benchmarks.</summary>
    Simulator,
    /// <summary>The live hub (/hubs/live); it joins groups and writes nothing.</summary>
    Hub,
    /// <summary>An unattended wall holding a display token.</summary>
    Display,
}
