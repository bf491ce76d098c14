using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Web.Components.Controls;

/// <summary>One stored photo of a case, with the event it came with.</summary>
public sealed record CasePhoto(string Path, CaseEventType Event, DateTime TakenAtUtc, int Sequence);

/// <summary>Which side of a before/after comparison: the reporter's photos, or the latest 办结's.</summary>
public enum PhotoSide
{
    Before,
    After,
}

/// <summary>
/// A case's photos in the order they were taken, and the two sets a verifier compares: the reporter's (before)
/// and those of the latest 办结 (after). Only photos this system stored are shown; foreign paths an older
/// database may hold stay text in the timeline.
/// </summary>
public sealed record CasePhotos(IReadOnlyList<CasePhoto> All)
{
    public IReadOnlyList<CasePhoto> Before => [.. All.Where(p => p.Event == CaseEventType.Reported)];

    /// <summary>The latest 办结's photos: after a rework the earlier round's are no longer the result.</summary>
    public IReadOnlyList<CasePhoto> After => All.LastOrDefault(p => p.Event == CaseEventType.ReportedDone) is { } last
        ? [.. All.Where(p => p.Sequence == last.Sequence)]
        : [];

    /// <summary>Where the viewer opens for <paramref name="photo"/>: its place among all, the first when unknown.</summary>
    public int IndexOf(CasePhoto photo) => Math.Max(0, All.ToList().IndexOf(photo));

    public bool CanCompare => Before.Count > 0 && After.Count > 0;

    public static CasePhotos Of(IEnumerable<TimelineEntry> timeline) => new(
        [.. timeline.OrderBy(e => e.Sequence).SelectMany(e => e.Attachments
            .Select(a => a.PhotoId).OfType<Guid>()
            .Select(id => new CasePhoto(Attachment.PhotoPath(id), e.Type, e.OccurredAtUtc, e.Sequence)))]);
}
