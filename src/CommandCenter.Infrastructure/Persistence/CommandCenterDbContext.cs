using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Assessment.Scoring;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// The one model, sign-ins included (Identity's user tables, no role tables: a post comes
/// from the staff record; and the keys that protect cookies, so every server reads them). Each provider has a subclass of its own so that each keeps its own
/// migration set (see docs/decisions/0001-one-migration-set-per-provider.md).
/// </summary>
public abstract class CommandCenterDbContext(DbContextOptions options) : IdentityUserContext<UserAccount>(options), IDataProtectionKeyContext
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<CasePart> CaseParts => Set<CasePart>();
    public DbSet<HandlingRecord> HandlingRecords => Set<HandlingRecord>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Courtyard> Courtyards => Set<Courtyard>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<HandlingUnit> Units => Set<HandlingUnit>();
    public DbSet<CourtyardService> CourtyardServices => Set<CourtyardService>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<TimePolicy> TimePolicies => Set<TimePolicy>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<StreetRules> StreetRules => Set<StreetRules>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<DecisionGrant> DecisionGrants => Set<DecisionGrant>();
    public DbSet<StoredPhoto> Photos => Set<StoredPhoto>();
    public DbSet<CaseTracking> CaseTrackings => Set<CaseTracking>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<StoredScheme> ScoringSchemes => Set<StoredScheme>();
    public DbSet<HonourRollPublication> HonourRolls => Set<HonourRollPublication>();
    public DbSet<HonourRollEntry> HonourRollEntries => Set<HonourRollEntry>();
    public DbSet<HonourRollPersonEntry> HonourRollPersons => Set<HonourRollPersonEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CreditItem> CreditItems => Set<CreditItem>();
    public DbSet<CreditAppeal> CreditAppeals => Set<CreditAppeal>();
    public DbSet<CreditAppealDecision> CreditAppealDecisions => Set<CreditAppealDecision>();
    public DbSet<CreditAutomaticRun> CreditAutomaticRuns => Set<CreditAutomaticRun>();
    public DbSet<CreditPublication> CreditPublications => Set<CreditPublication>();
    public DbSet<StoredCreditBands> CreditBandRevisions => Set<StoredCreditBands>();
    public DbSet<StoredCreditRules> CreditRuleRevisions => Set<StoredCreditRules>();
    public DbSet<CommitteeRating> CommitteeRatings => Set<CommitteeRating>();
    public DbSet<Notices.Notice> Notices => Set<Notices.Notice>();
    public DbSet<Notices.StoredNoticeTemplate> NoticeTemplates => Set<Notices.StoredNoticeTemplate>();
    public DbSet<Home> Homes => Set<Home>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<Ownership> Ownerships => Set<Ownership>();
    public DbSet<FormerOwnership> FormerOwnerships => Set<FormerOwnership>();
    public DbSet<CourtyardMember> CourtyardMembers => Set<CourtyardMember>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<Archive.PersonalDataKey> PersonalDataKeys => Set<Archive.PersonalDataKey>();
    public DbSet<Assessment.UnitDayCount> UnitDayCounts => Set<Assessment.UnitDayCount>();
    public DbSet<Assessment.UnitDayTime> UnitDayTimes => Set<Assessment.UnitDayTime>();
    public DbSet<Assessment.UnitCommunityDayCount> UnitCommunityDayCounts => Set<Assessment.UnitCommunityDayCount>();
    public DbSet<Assessment.UnitCommunityDayTime> UnitCommunityDayTimes => Set<Assessment.UnitCommunityDayTime>();
    public DbSet<Assessment.CommunityDayCount> CommunityDayCounts => Set<Assessment.CommunityDayCount>();
    public DbSet<Assessment.CommunityDayTime> CommunityDayTimes => Set<Assessment.CommunityDayTime>();
    public DbSet<Assessment.PersonDayCount> PersonDayCounts => Set<Assessment.PersonDayCount>();
    public DbSet<Assessment.PersonDayTime> PersonDayTimes => Set<Assessment.PersonDayTime>();
    public DbSet<Assessment.ComputedAssessmentDay> ComputedAssessmentDays => Set<Assessment.ComputedAssessmentDay>();
    public DbSet<Assessment.AssessmentDirtyMark> AssessmentDirtyMarks => Set<Assessment.AssessmentDirtyMark>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommandCenterDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; SQLite forgets the kind, so restore it on read. PostgreSQL's timestamptz
        // takes only UTC times, so a time without a kind is written as the UTC it already means.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        // SQL Server's time type stops at 24 h; limits are longer.
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
        configurationBuilder.Properties<TimeSpan?>().HaveConversion<long>();
        StoreAsInt<UnitId, UnitIdConverter>(configurationBuilder);
        StoreAsInt<CourtyardId, CourtyardIdConverter>(configurationBuilder);
        StoreAsInt<CommunityId, CommunityIdConverter>(configurationBuilder);
        StoreAsInt<StaffId, StaffIdConverter>(configurationBuilder);
        StoreAsInt<GridId, GridIdConverter>(configurationBuilder);
        StoreAsInt<StreetId, StreetIdConverter>(configurationBuilder);
        StoreAsInt<DistrictId, DistrictIdConverter>(configurationBuilder);
        StoreAsInt<BuildingId, BuildingIdConverter>(configurationBuilder);
        StoreAsInt<HomeId, HomeIdConverter>(configurationBuilder);
        StoreAsInt<ResidentId, ResidentIdConverter>(configurationBuilder);
        StoreAsInt<OwnerId, OwnerIdConverter>(configurationBuilder);
        // A facility's key is a long; the typed id is stored as one the same way.
        StoreAsInt<FacilityId, FacilityIdConverter>(configurationBuilder);
    }

    private static void StoreAsInt<TId, TConverter>(ModelConfigurationBuilder configurationBuilder) where TId : struct where TConverter : ValueConverter
    {
        configurationBuilder.Properties<TId>().HaveConversion<TConverter>();
        configurationBuilder.Properties<TId?>().HaveConversion<TConverter>();
        // Ids that reach a query only as a value (a parameter, a list to match) are typed the same way.
        configurationBuilder.DefaultTypeMapping<TId>().HasConversion<TConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteCommandCenterDbContext(DbContextOptions<SqliteCommandCenterDbContext> options)
    : CommandCenterDbContext(options);

public sealed class SqlServerCommandCenterDbContext(DbContextOptions<SqlServerCommandCenterDbContext> options)
    : CommandCenterDbContext(options);

/// <summary>
/// PostgreSQL's own indexes for the description search (trigrams and character pairs in GIN indexes, answering the LIKE
/// '%words%' the other servers scan) are on a table of their own, "CaseSearchTexts", filled by a trigger and outside the
/// model: on the case row every update would index the description again (migration CaseSearchTexts).
/// </summary>
public sealed class PostgreSqlCommandCenterDbContext(DbContextOptions<PostgreSqlCommandCenterDbContext> options)
    : CommandCenterDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
    }
}
