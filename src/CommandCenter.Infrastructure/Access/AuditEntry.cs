using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// One act that is not a case command, by whom, through which source. Append-only: no context
/// updates or deletes an entry (<see cref="Persistence.AppendOnlyRecords"/>). A case command's
/// audit line is its timeline event; the log reads both (<see cref="AuditRecord"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>A case event type (Dispatched, Signed…) or an act of its own (SignIn, TokenRevoked, PersonalDataRevealed…).</summary>
    public required string Action { get; set; }
    public required string ActorName { get; set; }
    public required AccessRole ActorRole { get; set; }
    public StaffId? StaffId { get; set; }
    /// <summary>Which of the staff member's posts acted (<see cref="Post.PostNumber"/>): one person may hold two posts of one role.</summary>
    public int? PostNumber { get; set; }
    public UnitId? UnitId { get; set; }
    public required ActSource Source { get; set; }
    public Guid? CaseId { get; set; }
    /// <summary>What was changed, said whole: a table saved at once or an import's file can run to several hundred characters.</summary>
    public string? Detail { get; set; }

    /// <summary>Room for the longest detail written (the whole table of who decides); a longer one is cut with "…" rather than refused.</summary>
    public const int MaxDetailLength = 4000;
}

/// <summary>Acts that are not case commands; each is one <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignedOut = "SignedOut";
    public const string TokenCreated = "TokenCreated";
    public const string TokenRevoked = "TokenRevoked";
    public const string PersonalDataRevealed = "PersonalDataRevealed";
    public const string PolicyCreated = "PolicyCreated";
    public const string PolicyUpdated = "PolicyUpdated";
    public const string PolicyDeleted = "PolicyDeleted";
    public const string StreetRulesUpdated = "StreetRulesUpdated";
    public const string CalendarDaySet = "CalendarDaySet";
    public const string CalendarDayRemoved = "CalendarDayRemoved";
    public const string RoutingRuleSet = "RoutingRuleSet";
    public const string RoutingRuleDeleted = "RoutingRuleDeleted";
    public const string DecisionRightsUpdated = "DecisionRightsUpdated";
    public const string ScoringSchemeSaved = "ScoringSchemeSaved";
    public const string HonourRollPublished = "HonourRollPublished";
    public const string CreditItemAdded = "CreditItemAdded";
    public const string CreditInspectionEntered = "CreditInspectionEntered";
    public const string CreditAutomaticItemsAdded = "CreditAutomaticItemsAdded";
    public const string CreditAppealFiled = "CreditAppealFiled";
    public const string CreditAppealDecided = "CreditAppealDecided";
    public const string CreditListPublished = "CreditListPublished";
    public const string CreditBandsSaved = "CreditBandsSaved";
    public const string CreditRulesSaved = "CreditRulesSaved";
    public const string CommitteeRated = "CommitteeRated";
    public const string AssessmentSettingsUpdated = "AssessmentSettingsUpdated";
    public const string SetupCompleted = "SetupCompleted";
    public const string StaffAdded = "StaffAdded";
    public const string StaffChanged = "StaffChanged";
    public const string PostAdded = "PostAdded";
    public const string PostEnded = "PostEnded";
    public const string PostChosen = "PostChosen";
    public const string AccountCreated = "AccountCreated";
    public const string AccountDisabled = "AccountDisabled";
    public const string AccountUnlocked = "AccountUnlocked";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string NoticeTemplateSaved = "NoticeTemplateSaved";
    public const string NoticeResent = "NoticeResent";
    public const string ResidentAdded = "ResidentAdded";
    public const string ResidentChanged = "ResidentChanged";
    public const string ResidentRemoved = "ResidentRemoved";
    public const string HomeVisited = "HomeVisited";
    public const string HomeOwnersRecorded = "HomeOwnersRecorded";
    public const string HomeTitleTransferred = "HomeTitleTransferred";
    public const string CourtyardBodyRecorded = "CourtyardBodyRecorded";
    public const string FacilitiesRecorded = "FacilitiesRecorded";
    public const string FacilityAdded = "FacilityAdded";
    public const string FacilityChanged = "FacilityChanged";
    public const string FacilityRetired = "FacilityRetired";
    public const string PersonalDataExported = "PersonalDataExported";
    public const string ResidentBookImported = "ResidentBookImported";
    public const string OwnerListImported = "OwnerListImported";
    public const string CourtyardServiceChanged = "CourtyardServiceChanged";
    public const string CategorySaved = "CategorySaved";
    public const string PlaceSaved = "PlaceSaved";
    public const string UnitSaved = "UnitSaved";
    public const string RosterImported = "RosterImported";
}
