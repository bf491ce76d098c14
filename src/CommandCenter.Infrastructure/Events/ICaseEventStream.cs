namespace CommandCenter.Infrastructure.Events;

/// <summary>
/// Committed case events, in commit order per process. Handlers run on the publisher's
/// thread and must not block: they update memory or hand the batch on.
/// </summary>
public interface ICaseEventStream
{
    void Publish(IReadOnlyList<CaseEvent> events);

    /// <summary>Calls <paramref name="handler"/> with each published batch until the subscription is disposed.</summary>
    IDisposable Subscribe(Action<IReadOnlyList<CaseEvent>> handler);

    /// <summary>
    /// Like <see cref="Subscribe"/>, but only batches committed on this server: for a consumer
    /// that fans out to every server by itself (the SignalR backplane), which would otherwise
    /// deliver each batch once per server.
    /// </summary>
    IDisposable SubscribeToCommitsHere(Action<IReadOnlyList<CaseEvent>> handler);

    /// <summary>
    /// Tells the other servers that the street's reference data (places, units, staff, categories, notice templates)
    /// changed, after the commit: each reloads its <see cref="Organisation.OrganisationDirectory"/> and <see cref="Notices.NoticeTemplates"/>.
    /// This server has reloaded its own in the write.
    /// </summary>
    void AnnounceDirectoryChange();

    /// <summary>Calls <paramref name="handler"/> when another server announces a change of the reference data.</summary>
    IDisposable SubscribeToDirectoryChangesElsewhere(Action handler);

    /// <summary>
    /// Calls <paramref name="handler"/> when the stream is whole again after a stretch in which
    /// other servers' messages may have been lost (Redis stopped and came back): whatever this
    /// server keeps from the stream must then be read again from the database.
    /// </summary>
    IDisposable SubscribeToResumes(Action handler);
}
