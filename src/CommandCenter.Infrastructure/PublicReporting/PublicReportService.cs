using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// The resident's side of the pipeline, shared by the QR pages and the public API: report with
/// photos, follow by tracking code, rate when done. Everything is checked before anything is
/// stored; the case, its photos and its tracking code are written in one transaction.
/// </summary>
public sealed class PublicReportService(
    CaseService cases, CaseQueries queries, PhotoStore photos, OrganisationDirectory directory,
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, CategoryUsage usage)
{
    public const int MaxPhotos = PhotoStore.MaxPhotos;
    private const ActSource Source = ActSource.Public;
    private const int MaxMergeHops = 8;

    /// <summary>Public events: what a resident learns from them is where the case is, not who said what.</summary>
    private static readonly HashSet<CaseEventType> PublicSteps =
    [
        CaseEventType.Reported, CaseEventType.Accepted, CaseEventType.Rejected, CaseEventType.MergedInto, CaseEventType.Dispatched,
        CaseEventType.Arbitrated, CaseEventType.Signed, CaseEventType.ProgressNoted, CaseEventType.ReportedDone,
        CaseEventType.VerificationPassed, CaseEventType.VerificationFailed, CaseEventType.Rated, CaseEventType.AutoClosed,
        CaseEventType.ClosedWithoutRating, CaseEventType.ClosedByDecision, CaseEventType.Escalated, CaseEventType.Supervised,
    ];

    /// <summary>States in which the last 办结 stands: a rework makes it stale until the unit reports done again.</summary>
    private static readonly HashSet<CaseState> ResultStands = [CaseState.PendingVerification, CaseState.PendingEvaluation, CaseState.Closed];

    /// <summary>The public steps whose note the reporter reads: why the street closed the case over their 不满意.</summary>
    private static readonly HashSet<CaseEventType> PublicNotes = [CaseEventType.ClosedByDecision];

    /// <summary>
    /// The courtyard a QR code opens and its problems, most reported first: groups by their reports,
    /// items within a group by theirs, so a resident's two taps (group, then item) are usually the first ones.
    /// </summary>
    public async Task<PublicCourtyard?> CourtyardAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (CourtyardCode.Find(code, directory) is not { } courtyard) return null;
        var counts = await usage.CountsAsync(cancellationToken);
        var items = directory.Categories.Where(c => c.IsOffered).ToList();
        var groupCounts = items.GroupBy(c => c.Code[..2]).ToDictionary(g => g.Key, g => g.Sum(c => counts.GetValueOrDefault(c.Code)));
        var facilities = await queries.ReportableFacilitiesAsync(Post.Resident(Source), courtyard.Id, cancellationToken);
        return new PublicCourtyard(CourtyardCode.Of(directory.StreetOf(courtyard)!, courtyard), courtyard.Name, directory.CommunityName(courtyard.CommunityId),
            [.. items.OrderByDescending(c => groupCounts[c.Code[..2]]).ThenBy(c => c.Code[..2], StringComparer.Ordinal)
                .ThenByDescending(c => counts.GetValueOrDefault(c.Code)).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new PublicCategory(c.Code, c.Name, c.NameEn))], facilities);
    }

    public async Task<PublicReportReceipt> ReportAsync(PublicReportRequest request, IReadOnlyList<UploadedPhoto> uploads, CancellationToken cancellationToken = default)
    {
        var courtyard = CourtyardCode.Find(request.CourtyardCode, directory)
            ?? throw new PublicReportRefusedException("UnknownCourtyard", "courtyardCode", "This QR code does not belong to a courtyard of the street.");
        if (directory.Category(request.CategoryCode ?? "") is not { IsOffered: true })
            throw new PublicReportRefusedException("UnknownCategory", "categoryCode", "Choose one of the problems listed.");
        // The domain's rules, with the form's own field names; the case checks them again as it is made.
        var description = PublicText.Screen(CaseDescription.Check(request.Description), CaseDescription.Field)!;
        var name = PublicText.Screen(ReporterName.Check(request.Name, "name"), "name");
        var phone = PhoneNumber.Check(request.Phone, "phone");
        if (uploads.Count > MaxPhotos)
            throw new PublicReportRefusedException("TooManyPhotos", "photos", $"At most {MaxPhotos} photos.");

        var batch = await photos.PrepareAsync(uploads, cancellationToken);
        if (batch.Refusal is { } refusal)
            throw new PublicReportRefusedException("Photo", "photos", $"Photo {batch.RefusedFileName} refused: {refusal}.", refusal);

        var tracking = CaseTracking.NewCode();
        var @case = await cases.ReportAsync(
            new ReportCaseRequest(Channel.ResidentQr, request.CategoryCode!, Domain.Categories.Urgency.Normal, courtyard.Id, null, description, name, phone,
                FacilityId: request.FacilityId),
            Post.Resident(Source), cancellationToken, new CaseEnclosures(batch.Photos, tracking));

        var open = (await queries.DuplicatesAsync(Post.System(Source), courtyard.Id, request.CategoryCode!, except: @case.Id, cancellationToken))
            .Where(other => !other.State.IsFinal()).ToList();
        var codes = await FollowerCodesAsync([.. open.Select(other => other.Id)], cancellationToken);
        return new PublicReportReceipt(@case.Number, tracking,
            [.. open.Where(other => codes.ContainsKey(other.Id))
                .Select(other => new PublicSimilarCase(other.Number, other.ReportedAtUtc, other.State, codes[other.Id]))]);
    }

    /// <summary>
    /// The case a tracking code follows, as the public may see it; null for any code that follows
    /// nothing. A report merged into another follows that one from the merge on: its reporter sees
    /// the problem handled to the end and may rate it.
    /// </summary>
    public async Task<PublicCaseView?> TrackAsync(string? code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await TrackingOfAsync(db, code, cancellationToken) is not { } tracking) return null;
        var own = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == tracking.CaseId, cancellationToken);
        var followed = await FollowedAsync(db, own, cancellationToken);
        var caseIds = new[] { own.Id, followed.Id }.Distinct().ToList();
        var events = await db.TimelineEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).ToListAsync(cancellationToken);
        // The report's own steps up to its merge, then the followed case's from there on.
        var mergedAt = own.Id == followed.Id ? DateTime.MaxValue : own.ClosedAtUtc ?? DateTime.MaxValue;
        var steps = events
            .Where(e => PublicSteps.Contains(e.Type) && (e.CaseId == own.Id || e.OccurredAtUtc > mergedAt))
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.CaseId == own.Id ? 0 : 1).ThenBy(e => e.Sequence)
            .Select(e => new PublicStep(e.Type, e.OccurredAtUtc, e.Level, PublicNotes.Contains(e.Type) ? e.Note : null));
        return new PublicCaseView(
            own.Number, followed.Id, own.CategoryCode, own.CourtyardId, followed.State, followed.Level, own.ReportedAtUtc,
            [.. steps],
            tracking.IsFollower ? [] : [.. events.Where(e => e.CaseId == own.Id && e.Type == CaseEventType.Reported).SelectMany(e => e.Attachments)
                .Select(a => a.PhotoId).OfType<Guid>().Select(photo => StoredPhoto.PathFor(StoredPhoto.PathOf(photo), code!))],
            followed.Rating,
            !tracking.IsFollower && CaseLifecycle.StateAllows(followed.State, CaseCommand.Rate),
            own.Id == followed.Id ? null : followed.Number,
            ResultOf(followed, events, tracking.IsFollower ? null : code));
    }

    /// <summary>The last 办结's text and photos; the photos only for the reporter's own code, which opens them.</summary>
    private static PublicResult? ResultOf(Case followed, IEnumerable<TimelineEvent> events, string? reporterCode)
    {
        if (followed.ResultSummary is not { } text || !ResultStands.Contains(followed.State)) return null;
        var done = events.Where(e => e.CaseId == followed.Id && e.Type == CaseEventType.ReportedDone).MaxBy(e => e.Sequence);
        var photos = reporterCode is null || done is null
            ? []
            : done.Attachments.Select(a => a.PhotoId).OfType<Guid>().Select(photo => StoredPhoto.PathFor(StoredPhoto.PathOf(photo), reporterCode)).ToList();
        return new PublicResult(text, photos);
    }

    /// <summary>The reporter's rating; which ratings a person gives, and that 不满意 reopens the case (DESIGN §3), the domain decides.</summary>
    public async Task RateAsync(string? code, Rating? rating, string? comment, CancellationToken cancellationToken = default)
    {
        Guid caseId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var tracking = await TrackingOfAsync(db, code, cancellationToken)
                ?? throw new PublicReportRefusedException("UnknownTracking", "code", "No case follows this tracking code.");
            if (tracking.IsFollower) throw new PublicReportRefusedException("NotTheReporter", "code", "Only the reporter's own tracking code rates the case.");
            caseId = (await FollowedAsync(db, await db.Cases.AsNoTracking().SingleAsync(c => c.Id == tracking.CaseId, cancellationToken), cancellationToken)).Id;
        }
        var text = PublicText.Screen(PlainText.Optional(comment, "comment", Case.MaxNoteLength), "comment");
        await cases.ExecuteAsync(caseId, new RateCase(rating, text), Post.Resident(Source, caseId), cancellationToken);
    }

    /// <summary>
    /// The case a report ends up in: itself, or the one it was merged into, following merges of merged
    /// cases too (a merge target is open when merged, but may itself be merged later). Bounded, as data
    /// written by hand could loop.
    /// </summary>
    private static async Task<Case> FollowedAsync(CommandCenterDbContext db, Case own, CancellationToken cancellationToken)
    {
        var followed = own;
        for (var hop = 0; hop < MaxMergeHops && followed.MergedIntoCaseId is { } target; hop++)
            followed = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == target, cancellationToken);
        return followed;
    }

    /// <summary>
    /// A photo for a post that may see its case, or for the holder of its case's tracking code;
    /// null for anyone else, exactly as for a photo that does not exist.
    /// </summary>
    public async Task<StoredPhoto?> PhotoAsync(Guid id, Post? post, string? trackingCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (photo is null) return null;
        // An upload not yet attached to a case: its uploader only, never the public.
        if (photo.CaseId is not { } caseId) return post is not null && photo.IsUnattachedUploadOf(post.StaffId) ? photo : null;
        var seen = post is not null && await db.Cases.VisibleTo(post).AnyAsync(c => c.Id == caseId, cancellationToken)
            || trackingCode is not null && await TrackingOfAsync(db, trackingCode, cancellationToken) is { IsFollower: false } tracking
                && (tracking.CaseId == caseId || await FollowsAsync(db, tracking.CaseId, caseId, cancellationToken));
        return seen ? photo : null;
    }

    /// <summary>Whether a merged report ends in the given case: its reporter sees that case's after-photos.</summary>
    private static async Task<bool> FollowsAsync(CommandCenterDbContext db, Guid ownId, Guid caseId, CancellationToken cancellationToken) =>
        (await FollowedAsync(db, await db.Cases.AsNoTracking().SingleAsync(c => c.Id == ownId, cancellationToken), cancellationToken)).Id == caseId;

    /// <summary>The tracking a code stands for; a code that could not be one is not looked up.</summary>
    private static async Task<CaseTracking?> TrackingOfAsync(CommandCenterDbContext db, string? code, CancellationToken cancellationToken) =>
        CaseTracking.IsWellFormed(code)
            ? await db.CaseTrackings.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, cancellationToken)
            : null;

    /// <summary>
    /// A follower's code for each case: a new reporter of the same problem may follow it, but
    /// never holds the first reporter's own code, which rates the case and opens its photos.
    /// </summary>
    private async Task<Dictionary<Guid, string>> FollowerCodesAsync(IReadOnlyList<Guid> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0) return [];
        var codes = caseIds.ToDictionary(id => id, _ => CaseTracking.NewCode());
        await unitOfWork.WriteAsync(
            db => db.CaseTrackings.AddRange(codes.Select(c => new CaseTracking { Code = c.Value, CaseId = c.Key, IsFollower = true })), cancellationToken);
        return codes;
    }
}
