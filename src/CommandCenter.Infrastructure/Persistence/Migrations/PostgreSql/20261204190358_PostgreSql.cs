using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CourtyardId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                columns: table => new
                {
                    StreetCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => new { x.StreetCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StreetId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CourtyardId = table.Column<int>(type: "integer", nullable: false),
                    BuildingId = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReporterPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CurrentUnitId = table.Column<int>(type: "integer", nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvaluationEndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextTimerAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsSupervised = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisionCount = table.Column<int>(type: "integer", nullable: false),
                    SupervisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupervisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SupervisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupervisionReplyDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupervisionAutomatic = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    SupervisionAnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupervisionAnsweredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SupervisionAnswer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupervisionOverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReworkCount = table.Column<int>(type: "integer", nullable: false),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ReturnsAtLevel = table.Column<int>(type: "integer", nullable: false),
                    EscalationCount = table.Column<int>(type: "integer", nullable: false),
                    UnsatisfiedReopenings = table.Column<int>(type: "integer", nullable: false),
                    AwaitsCloseDecision = table.Column<bool>(type: "boolean", nullable: false),
                    IsArbitrated = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    RatingSource = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    RatingComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MergedIntoCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    RequestReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EventCount = table.Column<int>(type: "integer", nullable: false),
                    HandlingDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AutoSuperviseOnOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    DeferredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DispatchedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandlingLateAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandlingLimit = table.Column<long>(type: "bigint", nullable: true),
                    IsDeferred = table.Column<bool>(type: "boolean", nullable: false),
                    LatestPostponementUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LongestExtension = table.Column<long>(type: "bigint", nullable: true),
                    MaxPostponements = table.Column<int>(type: "integer", nullable: true),
                    OriginalHandlingDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PolicyId = table.Column<int>(type: "integer", nullable: true),
                    PolicyRevision = table.Column<int>(type: "integer", nullable: true),
                    Postponements = table.Column<int>(type: "integer", nullable: false),
                    ResumedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewDueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReworkStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignForLapse = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    SignForLimit = table.Column<long>(type: "bigint", nullable: true),
                    SignLapseDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignOverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TimeBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    WarnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WarningAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WarningShare = table.Column<double>(type: "double precision", nullable: true),
                    WaitDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaitOverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaitStage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    WaitStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaitWarningAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseTrackings",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsFollower = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTrackings", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefaultLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourtyardId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PartyLeadership = table.Column<int>(type: "integer", nullable: false),
                    Institutions = table.Column<int>(type: "integer", nullable: false),
                    Effectiveness = table.Column<int>(type: "integer", nullable: false),
                    SocialEvaluation = table.Column<int>(type: "integer", nullable: false),
                    Innovation = table.Column<int>(type: "integer", nullable: false),
                    RatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RatedByStaffId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    StreetId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Courtyards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    GridId = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Homes = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courtyards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditAutomaticRuns",
                columns: table => new
                {
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RanBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ItemsAdded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAutomaticRuns", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "CreditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Veto = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByStaffId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditPublications",
                columns: table => new
                {
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPublications", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DecisionGrants",
                columns: table => new
                {
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Roles = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionGrants", x => x.Decision);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grids", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HonourRolls",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourRolls", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsUrgent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoticeTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    UploaderStaffId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    AutoDispatch = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoringSchemes",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Definition = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringSchemes", x => new { x.Kind, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    GridId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StreetRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    EvaluationWindow = table.Column<long>(type: "bigint", nullable: false),
                    RevisitWindow = table.Column<long>(type: "bigint", nullable: false),
                    UnsatisfiedReopeningsBeforeDecision = table.Column<int>(type: "integer", nullable: false),
                    BacklogAfter = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StreetRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Streets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DefaultSatisfiedCounts = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimePolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignFor = table.Column<long>(type: "bigint", nullable: false),
                    Handling = table.Column<long>(type: "bigint", nullable: false),
                    WarningShare = table.Column<double>(type: "double precision", nullable: false),
                    Basis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignForLapse = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    AutoSuperviseOnOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    MaxPostponements = table.Column<int>(type: "integer", nullable: false),
                    LongestExtension = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    AcceptanceLimit = table.Column<long>(type: "bigint", nullable: true),
                    DispatchLimit = table.Column<long>(type: "bigint", nullable: true),
                    VerificationLimit = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    ServedCourtyardIds = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseParts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsRequired = table.Column<bool>(type: "boolean", nullable: false),
                    Result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reopenings = table.Column<int>(type: "integer", nullable: false),
                    Clock_AutoSuperviseOnOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    Clock_DeferredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_DispatchedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_HandlingDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_HandlingLateAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_HandlingLimit = table.Column<long>(type: "bigint", nullable: true),
                    Clock_IsDeferred = table.Column<bool>(type: "boolean", nullable: false),
                    Clock_LatestPostponementUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_LongestExtension = table.Column<long>(type: "bigint", nullable: true),
                    Clock_MaxPostponements = table.Column<int>(type: "integer", nullable: true),
                    Clock_OriginalHandlingDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_OverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_PolicyId = table.Column<int>(type: "integer", nullable: true),
                    Clock_PolicyRevision = table.Column<int>(type: "integer", nullable: true),
                    Clock_Postponements = table.Column<int>(type: "integer", nullable: false),
                    Clock_ResumedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_ReviewAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_ReviewDueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_ReworkStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_SignDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_SignForLapse = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Clock_SignForLimit = table.Column<long>(type: "bigint", nullable: true),
                    Clock_SignLapseDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_SignOverdueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_TimeBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Clock_WarnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_WarningAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Clock_WarningShare = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseParts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HandlingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Round = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandlingDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Postponements = table.Column<int>(type: "integer", nullable: false),
                    WasDeferred = table.Column<bool>(type: "boolean", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SignedLate = table.Column<bool>(type: "boolean", nullable: false),
                    HandledLate = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandlingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandlingRecords_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimelineEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorUnitId = table.Column<int>(type: "integer", nullable: true),
                    ActorStaffId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromState = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ToState = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: true),
                    Detail = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    DetailAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attachments = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledByStaffId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditAppeals_CreditItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CreditItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditPublicationRows",
                columns: table => new
                {
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Band = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Listing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPublicationRows", x => new { x.Month, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_CreditPublicationRows_CreditPublications_Month",
                        column: x => x.Month,
                        principalTable: "CreditPublications",
                        principalColumn: "Month",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HonourRollEntries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    List = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SchemeRevision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourRollEntries", x => new { x.Year, x.Month, x.UnitId });
                    table.ForeignKey(
                        name: "FK_HonourRollEntries_HonourRolls_Year_Month",
                        columns: x => new { x.Year, x.Month },
                        principalTable: "HonourRolls",
                        principalColumns: new[] { "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CreditAppealDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppealId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedByStaffId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAppealDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditAppealDecisions_CreditAppeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "CreditAppeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "StreetRules",
                columns: new[] { "Id", "BacklogAfter", "EvaluationWindow", "Revision", "RevisitWindow", "UnsatisfiedReopeningsBeforeDecision" },
                values: new object[] { 1, 51840000000000L, 6048000000000L, 1, 6048000000000L, 2 });

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_Hash",
                table: "AccessTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StaffId",
                table: "AspNetUsers",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CaseId",
                table: "AuditEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_StaffId",
                table: "AuditEntries",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UnitId",
                table: "AuditEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_CourtyardId",
                table: "Buildings",
                column: "CourtyardId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParts_CaseId",
                table: "CaseParts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseParts_UnitId_ClosedAtUtc",
                table: "CaseParts",
                columns: new[] { "UnitId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_State_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "State", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CourtyardId_CategoryCode_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "CourtyardId", "CategoryCode", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CourtyardId_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "CourtyardId", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CurrentUnitId_State",
                table: "Cases",
                columns: new[] { "CurrentUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Description",
                table: "Cases",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HandlingDeadlineUtc",
                table: "Cases",
                column: "HandlingDeadlineUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_NextTimerAtUtc",
                table: "Cases",
                column: "NextTimerAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReportedAtUtc",
                table: "Cases",
                column: "ReportedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases",
                columns: new[] { "State", "HandlingDeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "State", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTrackings_CaseId",
                table: "CaseTrackings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeRatings_CourtyardId_Year",
                table: "CommitteeRatings",
                columns: new[] { "CourtyardId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppealDecisions_AppealId",
                table: "CreditAppealDecisions",
                column: "AppealId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppeals_CompanyId",
                table: "CreditAppeals",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditAppeals_ItemId",
                table: "CreditAppeals",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditItems_CompanyId_Date",
                table: "CreditItems",
                columns: new[] { "CompanyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditItems_CompanyId_RuleKey",
                table: "CreditItems",
                columns: new[] { "CompanyId", "RuleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_CaseId",
                table: "HandlingRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingRecords_UnitId_EndedAtUtc",
                table: "HandlingRecords",
                columns: new[] { "UnitId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_CaseId",
                table: "Notices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_ClaimToken",
                table: "Notices",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Key",
                table: "Notices",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notices_StaffId",
                table: "Notices",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_State_DueAtUtc",
                table: "Notices",
                columns: new[] { "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeTemplates_Kind_Revision",
                table: "NoticeTemplates",
                columns: new[] { "Kind", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Photos_CaseId_StoredAtUtc",
                table: "Photos",
                columns: new[] { "CaseId", "StoredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Streets_Code",
                table: "Streets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_ActorStaffId",
                table: "TimelineEvents",
                column: "ActorStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_ActorUnitId",
                table: "TimelineEvents",
                column: "ActorUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_CaseId_Sequence",
                table: "TimelineEvents",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_OccurredAtUtc",
                table: "TimelineEvents",
                column: "OccurredAtUtc");

            // The audit log as read (AuditRecord): the other sets' AuditLogView migrations, in PostgreSQL's quoting.
            migrationBuilder.Sql(@"CREATE VIEW ""AuditLog"" AS
SELECT ""AtUtc"", ""Action"", ""ActorName"", ""ActorRole"", ""StaffId"", ""UnitId"", ""Source"", ""CaseId"", ""Detail"", ""Id"" AS ""RowId"", FALSE AS ""FromTimeline"" FROM ""AuditEntries""
UNION ALL
SELECT ""OccurredAtUtc"", ""Type"", ""ActorName"", ""ActorRole"", ""ActorStaffId"", ""ActorUnitId"", ""Source"", ""CaseId"", NULL, ""Id"", TRUE FROM ""TimelineEvents"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP VIEW ""AuditLog"";");

            migrationBuilder.DropTable(
                name: "AccessTokens");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Buildings");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "CaseParts");

            migrationBuilder.DropTable(
                name: "CaseTrackings");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "CommitteeRatings");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "Courtyards");

            migrationBuilder.DropTable(
                name: "CreditAppealDecisions");

            migrationBuilder.DropTable(
                name: "CreditAutomaticRuns");

            migrationBuilder.DropTable(
                name: "CreditPublicationRows");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DecisionGrants");

            migrationBuilder.DropTable(
                name: "Districts");

            migrationBuilder.DropTable(
                name: "Grids");

            migrationBuilder.DropTable(
                name: "HandlingRecords");

            migrationBuilder.DropTable(
                name: "HonourRollEntries");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "NoticeTemplates");

            migrationBuilder.DropTable(
                name: "Photos");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "ScoringSchemes");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropTable(
                name: "StreetRules");

            migrationBuilder.DropTable(
                name: "Streets");

            migrationBuilder.DropTable(
                name: "TimelineEvents");

            migrationBuilder.DropTable(
                name: "TimePolicies");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CreditAppeals");

            migrationBuilder.DropTable(
                name: "CreditPublications");

            migrationBuilder.DropTable(
                name: "HonourRolls");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "CreditItems");
        }
    }
}
