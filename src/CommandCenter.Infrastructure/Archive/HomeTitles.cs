using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>Puts a home's new title in place of the one on file, for the register by hand and the owner list alike.</summary>
internal static class HomeTitles
{
    /// <summary>
    /// An owner who stays keeps their row (the unique index allows a pair once) with the new representative and share;
    /// those left off leave the title for its history (<see cref="FormerOwnership"/>) as of <paramref name="on"/>, the rest are added.
    /// </summary>
    public static void Replace(CommandCenterDbContext db, IReadOnlyCollection<Ownership> onTitle, IReadOnlyList<Ownership> newTitle, ArchiveSource source, DateTime now,
        TitleChange change, DateOnly on)
    {
        var kept = onTitle.ToDictionary(o => o.OwnerId);
        db.FormerOwnerships.AddRange(FormerOwnership.Leaving(onTitle, newTitle, change, on, now));
        db.Ownerships.RemoveRange(onTitle.Where(o => newTitle.All(n => n.OwnerId != o.OwnerId)));
        foreach (var ownership in newTitle)
        {
            if (kept.TryGetValue(ownership.OwnerId, out var stays)) stays.Represent(ownership.Representative, ownership.Share, source, now);
            else db.Ownerships.Add(ownership);
        }
    }

    /// <summary>A list or a correction puts other owners on file as of the day it is recorded, naming no deed.</summary>
    public static void Record(CommandCenterDbContext db, IReadOnlyCollection<Ownership> onTitle, IReadOnlyList<Ownership> newTitle, ArchiveSource source, DateTime now) =>
        Replace(db, onTitle, newTitle, source, now, TitleChange.Recorded, ChinaTime.LocalDate(now));
}
