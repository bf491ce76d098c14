namespace CommandCenter.Domain.Archive;

/// <summary>Every record of the archive remembers where it came from and when it was last confirmed.</summary>
public abstract class ArchiveRecord
{
    public ArchiveSource Source { get; protected set; }
    public DateTime ConfirmedAtUtc { get; protected set; }

    /// <summary>A source said the record is still true.</summary>
    public void Confirm(ArchiveSource source, DateTime atUtc)
    {
        Source = source;
        ConfirmedAtUtc = atUtc;
    }
}
