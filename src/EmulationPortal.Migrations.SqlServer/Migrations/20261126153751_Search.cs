using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExtractedText",
                table: "StoredFiles",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SourceId = table.Column<int>(type: "int", nullable: false),
                    RankKey = table.Column<long>(type: "bigint", nullable: false),
                    SortDate = table.Column<DateOnly>(type: "date", nullable: false),
                    VisibleFrom = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Years = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TitleExact = table.Column<string>(type: "nvarchar(1200)", maxLength: 1200, nullable: false),
                    TitleFolded = table.Column<string>(type: "nvarchar(1200)", maxLength: 1200, nullable: false),
                    NumberFolded = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TextFolded = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Tags = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_SourceId",
                table: "SearchEntries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_NumberFolded",
                table: "SearchEntries",
                column: "NumberFolded");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_RankKey",
                table: "SearchEntries",
                column: "RankKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_VisibleFrom",
                table: "SearchEntries",
                column: "VisibleFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "ExtractedText",
                table: "StoredFiles");
        }
    }
}
