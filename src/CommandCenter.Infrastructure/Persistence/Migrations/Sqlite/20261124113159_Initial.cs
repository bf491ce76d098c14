using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtyardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                columns: table => new
                {
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => new { x.StreetCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtyardId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReporterPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CurrentUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WarningAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandlingDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignForLimit = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlingLimit = table.Column<long>(type: "INTEGER", nullable: true),
                    WarningShare = table.Column<double>(type: "REAL", nullable: true),
                    ResultSummary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsSupervised = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupervisionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReworkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnsAtLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArbitrated = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    RatingSource = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MergedIntoCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    RequestReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefaultLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Courtyards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Homes = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courtyards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grids", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Staff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Streets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    ServedCourtyardIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseParts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "TimelineEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "IX_Cases_HandlingDeadlineUtc",
                table: "Cases",
                column: "HandlingDeadlineUtc");

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
                name: "IX_Cases_SignDeadlineUtc",
                table: "Cases",
                column: "SignDeadlineUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_HandlingDeadlineUtc",
                table: "Cases",
                columns: new[] { "State", "HandlingDeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_ReportedAtUtc",
                table: "Cases",
                columns: new[] { "State", "ReportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Streets_Code",
                table: "Streets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_CaseId_Sequence",
                table: "TimelineEvents",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEvents_OccurredAtUtc",
                table: "TimelineEvents",
                column: "OccurredAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Buildings");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "CaseParts");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "Courtyards");

            migrationBuilder.DropTable(
                name: "Districts");

            migrationBuilder.DropTable(
                name: "Grids");

            migrationBuilder.DropTable(
                name: "Staff");

            migrationBuilder.DropTable(
                name: "Streets");

            migrationBuilder.DropTable(
                name: "TimelineEvents");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}
