using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RequiredDocuments",
                table: "AwardTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "Steps",
                table: "AwardTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdBase",
                table: "AwardTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdDenominator",
                table: "AwardTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "ThresholdNumerator",
                table: "AwardTypes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "AwardDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuerParent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Abstract = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LegalBases = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Articles = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_StoredFiles_SignedFileId",
                        column: x => x.SignedFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AwardTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredAwardTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Years = table.Column<int>(type: "INTEGER", nullable: true),
                    CapPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    CapScope = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRules_AwardTypes_AwardTypeId",
                        column: x => x.AwardTypeId,
                        principalTable: "AwardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardRules_AwardTypes_RequiredAwardTypeId",
                        column: x => x.RequiredAwardTypeId,
                        principalTable: "AwardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateLayouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AwardTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PageWidthMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    PageHeightMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    PrintBackground = table.Column<bool>(type: "INTEGER", nullable: false),
                    TitleTopMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    NameTopMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    NameLeftMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    NameWidthMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    NameFontSizePt = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    AchievementTopMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    AchievementFontSizePt = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    DecisionTopMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    QrLeftMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    QrTopMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    QrSizeMm = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateLayouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateLayouts_AwardTypes_AwardTypeId",
                        column: x => x.AwardTypeId,
                        principalTable: "AwardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilMembers_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VotingMode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumNumerator = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumDenominator = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilSessions_StoredFiles_MinutesFileId",
                        column: x => x.MinutesFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DisciplineRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisciplineRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisciplineRecords_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CoverText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumNumerator = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumDenominator = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionSymbol = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAttendance",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CouncilMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPresent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAttendance", x => new { x.SessionId, x.CouncilMemberId });
                    table.ForeignKey(
                        name: "FK_CouncilAttendance_CouncilMembers_CouncilMemberId",
                        column: x => x.CouncilMemberId,
                        principalTable: "CouncilMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilAttendance_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientKind = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Achievement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommendationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominees", x => x.Id);
                    table.CheckConstraint("CK_Nominees_Recipient", "(RecipientKind = 0 AND StaffMemberId IS NOT NULL AND UnitId IS NULL) OR (RecipientKind = 1 AND UnitId IS NOT NULL AND StaffMemberId IS NULL)");
                    table.ForeignKey(
                        name: "FK_Nominees_AwardDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "AwardDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_AwardTypes_AwardTypeId",
                        column: x => x.AwardTypeId,
                        principalTable: "AwardTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_Commendations_CommendationId",
                        column: x => x.CommendationId,
                        principalTable: "Commendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Nominees_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominees_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalTransitions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitNotices_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitNotices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommendationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Commendations_CommendationId",
                        column: x => x.CommendationId,
                        principalTable: "Commendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Certificates_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Agree = table.Column<int>(type: "INTEGER", nullable: false),
                    Disagree = table.Column<int>(type: "INTEGER", nullable: false),
                    Invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    NomineeId = table.Column<int>(type: "INTEGER", nullable: true),
                    StoredFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalDocuments_Nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalTable: "Nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalDocuments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalDocuments_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilBallotRecords",
                columns: table => new
                {
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    CouncilMemberId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilBallotRecords", x => new { x.AgendaItemId, x.CouncilMemberId });
                    table.ForeignKey(
                        name: "FK_CouncilBallotRecords_CouncilAgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "CouncilAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilBallotRecords_CouncilMembers_CouncilMemberId",
                        column: x => x.CouncilMemberId,
                        principalTable: "CouncilMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // SQLite adds a nullable column with its foreign key in place (ALTER TABLE … ADD COLUMN … REFERENCES);
            // EF's AddForeignKey would rebuild both tables outside the migration's transaction instead.
            migrationBuilder.Sql(
                "ALTER TABLE \"Feedbacks\" ADD COLUMN \"NomineeId\" INTEGER NULL " +
                "CONSTRAINT \"FK_Feedbacks_Nominees_NomineeId\" REFERENCES \"Nominees\" (\"Id\") ON DELETE RESTRICT;");
            migrationBuilder.Sql(
                "ALTER TABLE \"Commendations\" ADD COLUMN \"AwardDecisionId\" INTEGER NULL " +
                "CONSTRAINT \"FK_Commendations_AwardDecisions_AwardDecisionId\" REFERENCES \"AwardDecisions\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Feedbacks_NomineeId",
                table: "Feedbacks",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_Commendations_AwardDecisionId",
                table: "Commendations",
                column: "AwardDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_DocumentId",
                table: "AwardDecisions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_Number",
                table: "AwardDecisions",
                column: "Number",
                unique: true,
                filter: "Number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_SignedFileId",
                table: "AwardDecisions",
                column: "SignedFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_Status_SignedOn",
                table: "AwardDecisions",
                columns: new[] { "Status", "SignedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRules_AwardTypeId",
                table: "AwardRules",
                column: "AwardTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRules_RequiredAwardTypeId",
                table: "AwardRules",
                column: "RequiredAwardTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateLayouts_AwardTypeId",
                table: "CertificateLayouts",
                column: "AwardTypeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CommendationId",
                table: "Certificates",
                column: "CommendationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_NomineeId",
                table: "Certificates",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Year_AwardTypeId_SequenceNumber",
                table: "Certificates",
                columns: new[] { "Year", "AwardTypeId", "SequenceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_StartsOn_EndsOn",
                table: "Consultations",
                columns: new[] { "StartsOn", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_NomineeId",
                table: "CouncilAgendaItems",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_SessionId_NomineeId",
                table: "CouncilAgendaItems",
                columns: new[] { "SessionId", "NomineeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAttendance_CouncilMemberId",
                table: "CouncilAttendance",
                column: "CouncilMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilBallotRecords_CouncilMemberId",
                table: "CouncilBallotRecords",
                column: "CouncilMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_StaffMemberId",
                table: "CouncilMembers",
                column: "StaffMemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSessions_HeldOn",
                table: "CouncilSessions",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSessions_MinutesFileId",
                table: "CouncilSessions",
                column: "MinutesFileId");

            migrationBuilder.CreateIndex(
                name: "IX_DisciplineRecords_StaffMemberId_EffectiveFrom",
                table: "DisciplineRecords",
                columns: new[] { "StaffMemberId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_AwardTypeId",
                table: "Nominees",
                column: "AwardTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_CommendationId",
                table: "Nominees",
                column: "CommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_ConsultationId",
                table: "Nominees",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_DecisionId",
                table: "Nominees",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_ProposalId_SortOrder",
                table: "Nominees",
                columns: new[] { "ProposalId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_StaffMemberId_AwardTypeId",
                table: "Nominees",
                columns: new[] { "StaffMemberId", "AwardTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominees_UnitId_AwardTypeId",
                table: "Nominees",
                columns: new[] { "UnitId", "AwardTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_NomineeId",
                table: "ProposalDocuments",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_ProposalId_Kind",
                table: "ProposalDocuments",
                columns: new[] { "ProposalId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDocuments_StoredFileId",
                table: "ProposalDocuments",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CampaignId",
                table: "Proposals",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_UpdatedAt",
                table: "Proposals",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_UnitId_Year",
                table: "Proposals",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalTransitions_ProposalId_At",
                table: "ProposalTransitions",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitNotices_ProposalId",
                table: "UnitNotices",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitNotices_UnitId_CreatedAt",
                table: "UnitNotices",
                columns: new[] { "UnitId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commendations_AwardDecisions_AwardDecisionId",
                table: "Commendations");

            migrationBuilder.DropForeignKey(
                name: "FK_Feedbacks_Nominees_NomineeId",
                table: "Feedbacks");

            migrationBuilder.DropTable(
                name: "AwardRules");

            migrationBuilder.DropTable(
                name: "CertificateLayouts");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "CouncilAttendance");

            migrationBuilder.DropTable(
                name: "CouncilBallotRecords");

            migrationBuilder.DropTable(
                name: "DisciplineRecords");

            migrationBuilder.DropTable(
                name: "ProposalDocuments");

            migrationBuilder.DropTable(
                name: "ProposalSettings");

            migrationBuilder.DropTable(
                name: "ProposalTransitions");

            migrationBuilder.DropTable(
                name: "UnitNotices");

            migrationBuilder.DropTable(
                name: "CouncilAgendaItems");

            migrationBuilder.DropTable(
                name: "CouncilMembers");

            migrationBuilder.DropTable(
                name: "CouncilSessions");

            migrationBuilder.DropTable(
                name: "Nominees");

            migrationBuilder.DropTable(
                name: "AwardDecisions");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Feedbacks_NomineeId",
                table: "Feedbacks");

            migrationBuilder.DropIndex(
                name: "IX_Commendations_AwardDecisionId",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "NomineeId",
                table: "Feedbacks");

            migrationBuilder.DropColumn(
                name: "AwardDecisionId",
                table: "Commendations");

            migrationBuilder.DropColumn(
                name: "RequiredDocuments",
                table: "AwardTypes");

            migrationBuilder.DropColumn(
                name: "Steps",
                table: "AwardTypes");

            migrationBuilder.DropColumn(
                name: "ThresholdBase",
                table: "AwardTypes");

            migrationBuilder.DropColumn(
                name: "ThresholdDenominator",
                table: "AwardTypes");

            migrationBuilder.DropColumn(
                name: "ThresholdNumerator",
                table: "AwardTypes");
        }
    }
}
