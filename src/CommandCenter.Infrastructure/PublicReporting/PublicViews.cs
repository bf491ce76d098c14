using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// What a resident sends from the courtyard's QR page; photos come separately. <c>FacilityId</c>: one of the courtyard's
/// facilities the report is about, if the resident picked one.
/// </summary>
public sealed record PublicReportRequest(
    string CourtyardCode, string CategoryCode, string Description, string? Name = null, string? Phone = null, FacilityId? FacilityId = null);

/// <summary>A photo as it arrived: its bytes and the name the phone gave it.</summary>
public sealed record UploadedPhoto(Stream Content, string FileName);

/// <summary>
/// The courtyard a QR code opens, the short list of problems a resident picks from, and the facilities on its list a report may
/// name (kind and place as the archive keeps them: equipment, no personal data).
/// </summary>
public sealed record PublicCourtyard(
    string Code, string Name, string CommunityName, IReadOnlyList<PublicCategory> Categories, IReadOnlyList<FacilityChoice> Facilities);

public sealed record PublicCategory(string Code, string Name, string NameEn);

/// <summary>The resident's receipt: the case number, the tracking code, and reports that may be the same problem.</summary>
public sealed record PublicReportReceipt(string Number, string TrackingCode, IReadOnlyList<PublicSimilarCase> Similar);

/// <summary>An open report of the same courtyard and category, to follow instead of reporting twice.</summary>
public sealed record PublicSimilarCase(string Number, DateTime ReportedAtUtc, CaseState State, string TrackingCode);

/// <summary>
/// A case as the public sees it: what, where, and how far it got — no names, phones, notes or
/// units' internals. <see cref="CanRate"/> once the case waits for the reporter's rating. A report
/// merged into another shows that one's state and steps from the merge on: <see cref="CaseId"/> is
/// the case followed, <see cref="MergedIntoNumber"/> its number. <see cref="Result"/> is what the unit
/// reported done, with its after-photos, for the reporter to judge before rating.
/// </summary>
public sealed record PublicCaseView(
    string Number, Guid CaseId, string CategoryCode, CourtyardId CourtyardId, CaseState State, HandlingLevel Level, DateTime ReportedAtUtc,
    IReadOnlyList<PublicStep> Steps, IReadOnlyList<string> PhotoPaths, Rating? Rating, bool CanRate, string? MergedIntoNumber,
    PublicResult? Result);

/// <summary>The unit's account of the work, shown once it reported done and until a rework sends it back.</summary>
public sealed record PublicResult(string Text, IReadOnlyList<string> PhotoPaths);

/// <summary>One step of the timeline a resident may see; a note only where the street writes it for the reporter (审定结案's reason).</summary>
public sealed record PublicStep(CaseEventType Type, DateTime OccurredAtUtc, HandlingLevel Level, string? Note = null);
