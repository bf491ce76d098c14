using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// What travels with a report or a command besides its request, as data, and is stored in its
/// transaction: photos just taken (processed by the photo store, not yet stored; a command names
/// them in its <c>PhotoIds</c>) and, for a resident's report, the tracking code handed back.
/// Nothing of it is stored when the report or command is refused.
/// </summary>
public sealed record CaseEnclosures(IReadOnlyList<StoredPhoto> Photos, string? TrackingCode = null)
{
    public static readonly CaseEnclosures None = new([]);

    /// <summary>What a report records of its photos: one attachment each, in the order taken.</summary>
    public IReadOnlyList<Attachment> Attachments => [.. Photos.Select((p, i) => Attachment.OfPhoto(p.Id, p.ContentType, i + 1))];

    /// <summary>What a command names the photos by.</summary>
    public IReadOnlyList<Guid> PhotoIds => [.. Photos.Select(p => p.Id)];

    /// <summary>Adds the photos, still nobody's, to the unit of work, where the command finds them by id.</summary>
    internal void AddPhotos(CommandCenterDbContext db) => db.Photos.AddRange(Photos);

    /// <summary>Adds everything as <paramref name="reported"/>'s: its photos and its tracking code.</summary>
    internal void AddTo(CommandCenterDbContext db, Case reported)
    {
        foreach (var photo in Photos) photo.BelongTo(reported.Id);
        AddPhotos(db);
        if (TrackingCode is { } code) db.CaseTrackings.Add(new CaseTracking { Code = code, CaseId = reported.Id });
    }
}
