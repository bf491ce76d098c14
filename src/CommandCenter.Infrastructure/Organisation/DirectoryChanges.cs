using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// What follows a committed change of the reference data every server holds in memory — the directory, the notice
/// templates, the deadline rules with the routing table, and who decides what: this server reloads them inside the write
/// (so it follows the commits in their order), and the other servers are told to reload theirs (<see cref="DirectoryFollower"/>).
/// </summary>
public sealed class DirectoryChanges(
    OrganisationDirectory directory, NoticeTemplates templates, DeadlineRulesProvider deadlines, DecisionRightsProvider decisions, ICaseEventStream stream)
{
    public async Task AfterCommitAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        await LoadAsync(db, cancellationToken);
        stream.AnnounceDirectoryChange();
    }

    /// <summary>Reads all of it again: after a change here, or on another server's word.</summary>
    public async Task LoadAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        await directory.LoadAsync(db, cancellationToken);
        await templates.LoadAsync(db, cancellationToken);
        await deadlines.ReloadAsync(db, cancellationToken);
        await decisions.ReloadAsync(db, cancellationToken);
    }
}
