using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// What follows a committed change of the reference data: this server's directory reloads inside the
/// write (so it follows the commits in their order), and the other servers are told to reload theirs.
/// </summary>
public sealed class DirectoryChanges(OrganisationDirectory directory, ICaseEventStream stream)
{
    public async Task AfterCommitAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        await directory.LoadAsync(db, cancellationToken);
        stream.AnnounceDirectoryChange();
    }
}
