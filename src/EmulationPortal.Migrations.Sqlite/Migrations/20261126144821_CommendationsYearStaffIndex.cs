using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommendationsYearStaffIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commendations_Year_StaffMemberId",
                table: "Commendations",
                columns: new[] { "Year", "StaffMemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commendations_Year_StaffMemberId",
                table: "Commendations");
        }
    }
}
