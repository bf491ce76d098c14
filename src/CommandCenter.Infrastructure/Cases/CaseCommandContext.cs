using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>What a command request needs besides the case: who, when, and lookups.</summary>
internal sealed class CaseCommandContext(CommandCenterDbContext db, OrganisationDirectory directory, DeadlineRules rules, Post post, DateTime nowUtc)
{
    public Actor Actor { get; } = post.Actor;
    public DateTime NowUtc { get; } = nowUtc;
    public DeadlineRules Rules { get; } = rules;

    public HandlingUnit Unit(UnitId id, string field) =>
        directory.Unit(id) ?? throw new UnknownReferenceException(field, id.ToString());

    /// <summary>Another case the command names (a merge target); one outside the post's scope does not exist for it.</summary>
    public async Task<Case> LoadOtherAsync(Guid id, string field) =>
        await db.Cases.Include(c => c.Parts).VisibleTo(post).SingleOrDefaultAsync(c => c.Id == id)
        ?? throw new UnknownReferenceException(field, id.ToString());

    /// <summary>
    /// The photos a command names, as attachments, bound to <paramref name="owner"/> in the command's
    /// transaction. Each must be stored already (uploaded, or added to this context by the page that
    /// took it) and belong to no other case; anything else is refused, and nothing is saved.
    /// </summary>
    public async Task<IReadOnlyList<Attachment>?> PhotosAsync(IReadOnlyList<Guid>? ids, Case owner)
    {
        if (ids is not { Count: > 0 }) return null;
        if (ids.Count > Case.MaxAttachments)
            throw new DomainValidationException("TooManyAttachments", $"At most {Case.MaxAttachments} attachments per event.", "photoIds");
        var wanted = ids.Distinct().ToList();
        if (wanted.Count != ids.Count) throw new DomainValidationException("DuplicatePhoto", "Each photo is attached once.", "photoIds");
        var adding = db.Photos.Local.Where(p => wanted.Contains(p.Id)).ToList();
        var stored = await db.Photos.Where(p => wanted.Contains(p.Id)).ToListAsync();
        var photos = adding.Concat(stored).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        return [.. ids.Select((id, i) =>
        {
            // Another case's photo is refused exactly like one that does not exist: its existence is not for this caller.
            if (!photos.TryGetValue(id, out var photo) || photo.CaseId is { } other && other != owner.Id)
                throw new DomainValidationException("PhotoNotStored", $"No stored photo {id} can be attached to this case.", "photoIds");
            photo.BelongTo(owner.Id);
            return Attachment.OfPhoto(photo.Id, photo.ContentType, i + 1);
        })];
    }

    public Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
