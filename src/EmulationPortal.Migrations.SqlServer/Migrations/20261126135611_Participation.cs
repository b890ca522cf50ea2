using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MeasureUnit = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignIndicators_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationSettings",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    RegistrationExpected = table.Column<bool>(type: "bit", nullable: false),
                    RegistrationDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    AllowsPersonalRegistration = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationSettings", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_ParticipationSettings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    StaffMemberId = table.Column<int>(type: "int", nullable: true),
                    Commitments = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RegisteredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.CheckConstraint("CK_Registrations_Registrant", "(UnitId IS NOT NULL AND StaffMemberId IS NULL) OR (UnitId IS NULL AND StaffMemberId IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Registrations_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Registrations_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLocked = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRounds_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignExpectedUnits",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignExpectedUnits", x => new { x.CampaignId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_CampaignExpectedUnits_ParticipationSettings_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ParticipationSettings",
                        principalColumn: "CampaignId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignExpectedUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationTarget",
                columns: table => new
                {
                    RegistrationId = table.Column<int>(type: "int", nullable: false),
                    IndicatorId = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationTarget", x => new { x.RegistrationId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_RegistrationTarget_CampaignIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "CampaignIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistrationTarget_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Narrative = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_ReportRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DedupKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    MailCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_ReportRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reminders_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReportAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    StoredFileId = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReportAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReportAttachment_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressReportAttachment_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReportValue",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    IndicatorId = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReportValue", x => new { x.ReportId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_ProgressReportValue_CampaignIndicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "CampaignIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReportValue_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignExpectedUnits_UnitId",
                table: "CampaignExpectedUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignIndicators_CampaignId_SortOrder",
                table: "CampaignIndicators",
                columns: new[] { "CampaignId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReportAttachment_ReportId_StoredFileId",
                table: "ProgressReportAttachment",
                columns: new[] { "ReportId", "StoredFileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReportAttachment_StoredFileId",
                table: "ProgressReportAttachment",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_RoundId_SubmittedOn",
                table: "ProgressReports",
                columns: new[] { "RoundId", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_RoundId_UnitId",
                table: "ProgressReports",
                columns: new[] { "RoundId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_UnitId_RoundId",
                table: "ProgressReports",
                columns: new[] { "UnitId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReportValue_IndicatorId",
                table: "ProgressReportValue",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CampaignId_StaffMemberId",
                table: "Registrations",
                columns: new[] { "CampaignId", "StaffMemberId" },
                unique: true,
                filter: "[StaffMemberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CampaignId_UnitId",
                table: "Registrations",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true,
                filter: "[UnitId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_StaffMemberId",
                table: "Registrations",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_UnitId_CampaignId",
                table: "Registrations",
                columns: new[] { "UnitId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationTarget_IndicatorId",
                table: "RegistrationTarget",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_DedupKey",
                table: "Reminders",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_RoundId_UnitId",
                table: "Reminders",
                columns: new[] { "RoundId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_UnitId_SentAt",
                table: "Reminders",
                columns: new[] { "UnitId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_CampaignId_DueOn",
                table: "ReportRounds",
                columns: new[] { "CampaignId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_DueOn_IsLocked",
                table: "ReportRounds",
                columns: new[] { "DueOn", "IsLocked" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignExpectedUnits");

            migrationBuilder.DropTable(
                name: "ProgressReportAttachment");

            migrationBuilder.DropTable(
                name: "ProgressReportValue");

            migrationBuilder.DropTable(
                name: "RegistrationTarget");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "ParticipationSettings");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "CampaignIndicators");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ReportRounds");
        }
    }
}
