using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommendationTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommendationTallies",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommendationTallies", x => new { x.Year, x.Dimension, x.ItemId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommendationTallies_Dimension_ItemId",
                table: "CommendationTallies",
                columns: new[] { "Dimension", "ItemId" });

            // Count the commendations an installation already holds; from now on every save keeps the tallies
            // (CommendationTallyBuilder). Plain SQL that both providers accept, frozen here with the migration.
            migrationBuilder.Sql(
                "INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total) " +
                "SELECT Year, 1, AwardTypeId, COUNT(*) FROM Commendations GROUP BY Year, AwardTypeId");
            migrationBuilder.Sql(
                "INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total) " +
                "SELECT t.Year, 2, t.UnitId, COUNT(*) FROM (" +
                "SELECT c.Year, c.UnitId FROM Commendations c WHERE c.UnitId IS NOT NULL " +
                "UNION ALL " +
                "SELECT c.Year, s.UnitId FROM Commendations c INNER JOIN StaffMembers s ON s.Id = c.StaffMemberId" +
                ") t GROUP BY t.Year, t.UnitId");
            migrationBuilder.Sql(
                "INSERT INTO CommendationTallies (Year, Dimension, ItemId, Total) " +
                "SELECT c.Year, 3, s.Gender, COUNT(*) FROM Commendations c " +
                "INNER JOIN StaffMembers s ON s.Id = c.StaffMemberId GROUP BY c.Year, s.Gender");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommendationTallies");
        }
    }
}
