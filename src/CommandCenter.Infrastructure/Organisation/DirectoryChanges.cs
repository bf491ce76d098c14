using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// What follows a committed change of the reference data (the directory and the notice templates): this server
/// reloads both inside the write (so it follows the commits in their order), and the other servers are told to reload theirs.
/// </summary>
public sealed class DirectoryChanges(OrganisationDirectory directory, NoticeTemplates templates, ICaseEventStream stream)
{
    public async Task AfterCommitAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        await directory.LoadAsync(db, cancellationToken);
        await templates.LoadAsync(db, cancellationToken);
        stream.AnnounceDirectoryChange();
    }
}
