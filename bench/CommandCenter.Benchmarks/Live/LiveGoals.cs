namespace CommandCenter.Benchmarks.Live;

/// <summary>The goals for live screens, and how a figure is said against one.</summary>
internal static class LiveGoals
{
    public const double HubP95Milliseconds = 100;
    public const double WallDomP95Milliseconds = 250;
    public const long BytesPerCircuit = 1024 * 1024;

    public static string Verdict(bool met) => met ? "met" : "NOT met";
}
