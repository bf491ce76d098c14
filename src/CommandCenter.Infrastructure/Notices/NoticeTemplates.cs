using System.Collections.Frozen;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Notices;

/// <summary>
/// The current template of each notice kind, held in memory on every server so that a save writing notices reads no
/// template rows. The one place the stored templates are read. Reloaded with the directory
/// (<see cref="Organisation.DirectoryChanges"/> inside the editing write, <see cref="Organisation.DirectoryFollower"/>
/// on the other servers): docs/decisions/0019-notice-templates-in-memory.md says which revision a notice gets.
/// </summary>
public sealed class NoticeTemplates
{
    private static readonly FrozenDictionary<NoticeKind, NoticeTemplateView> Shipped =
        Enum.GetValues<NoticeKind>().ToFrozenDictionary(kind => kind, kind => new NoticeTemplateView(kind, NoticeTemplate.Defaults[kind], 0, null, null));

    private readonly Lock _loading = new();
    private FrozenDictionary<NoticeKind, NoticeTemplateView> _current = Shipped;

    /// <summary>Every kind's template as this server holds it: one snapshot, so one save renders all its notices from one set.</summary>
    public IReadOnlyDictionary<NoticeKind, NoticeTemplateView> Current => _current;

    public async Task LoadAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var stored = await ReadAsync(db, cancellationToken);
        lock (_loading)
        {
            // Loads may finish out of order (two edits' reloads, or one and an announcement's): a kind's revision only goes up.
            _current = stored.Values.Select(t => t.Revision >= _current[t.Kind].Revision ? t : _current[t.Kind]).ToFrozenDictionary(t => t.Kind);
        }
    }

    /// <summary>The newest stored revision of each kind's template, or the shipped text at revision 0 for a kind never edited.</summary>
    public static async Task<IReadOnlyDictionary<NoticeKind, NoticeTemplateView>> ReadAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.NoticeTemplates.AsNoTracking()
            .GroupBy(t => t.Kind)
            .Select(g => g.OrderByDescending(t => t.Revision).First())
            .ToListAsync(cancellationToken);
        return Shipped.ToDictionary(s => s.Key, s => stored.FirstOrDefault(t => t.Kind == s.Key) is { } t
            ? new NoticeTemplateView(t.Kind, t.Text, t.Revision, t.ChangedBy, t.ChangedAtUtc)
            : s.Value);
    }
}
