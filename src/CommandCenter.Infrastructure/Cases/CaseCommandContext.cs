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

    /// <summary>The photos a command names, as attachments, bound to <paramref name="owner"/> in the command's transaction.</summary>
    public async Task<IReadOnlyList<Attachment>?> PhotosAsync(IReadOnlyList<Guid>? ids, Case owner)
    {
        if (ids is not { Count: > 0 }) return null;
        var photos = await PhotoClaims.FindAsync(db, ids, owner.Id, post.StaffId);
        foreach (var photo in photos) photo.BelongTo(owner.Id);
        return PhotoClaims.AttachmentsOf(photos);
    }

    public Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }
}
