namespace CommandCenter.Web.Access;

/// <summary>Where an act came from; recorded on every timeline event and audit entry.</summary>
public static class PostSources
{
    public const string Console = "Console";
    public const string Phone = "Phone";
    public const string Api = "Api";
    public const string Hub = "Hub";
}
