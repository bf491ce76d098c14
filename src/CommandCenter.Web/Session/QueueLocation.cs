namespace CommandCenter.Web.Session;

/// <summary>The queue this circuit's user last looked at, with its filters: where a case page's back arrow returns to.</summary>
public sealed class QueueLocation
{
    public const string Start = "/cases";

    public string Uri { get; set; } = Start;
}
