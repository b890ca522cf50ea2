using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmulationPortal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RankKey = table.Column<long>(type: "INTEGER", nullable: false),
                    SortDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisibleFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Years = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TitleExact = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    TitleFolded = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    NumberFolded = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TextFolded = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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

            // Full-text indexes over the folded columns (SQLite only; SQL Server searches the columns themselves).
            // External content: the words are indexed, the text stays in SearchEntries; the row id is RankKey, so
            // "newest first" is the index's own order. SearchIndex holds every word (titles and bodies) and answers
            // "does it match at all"; SearchTitleIndex holds the titles only, so the title tiers of the ranking read
            // a small index instead of every match. Triggers keep both in step with every write to SearchEntries.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchIndex USING fts5(" +
                "TitleFolded, TextFolded, Tags, " +
                "content='SearchEntries', content_rowid='RankKey', " +
                "tokenize='unicode61 remove_diacritics 0')");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchTitleIndex USING fts5(" +
                "TitleFolded, TitleExact, Tags, " +
                "content='SearchEntries', content_rowid='RankKey', " +
                "tokenize='unicode61 remove_diacritics 0')");
            const string insertNew =
                "INSERT INTO SearchIndex(rowid, TitleFolded, TextFolded, Tags) " +
                "VALUES (new.RankKey, new.TitleFolded, new.TextFolded, new.Tags); " +
                "INSERT INTO SearchTitleIndex(rowid, TitleFolded, TitleExact, Tags) " +
                "VALUES (new.RankKey, new.TitleFolded, new.TitleExact, new.Tags); ";
            const string deleteOld =
                "INSERT INTO SearchIndex(SearchIndex, rowid, TitleFolded, TextFolded, Tags) " +
                "VALUES ('delete', old.RankKey, old.TitleFolded, old.TextFolded, old.Tags); " +
                "INSERT INTO SearchTitleIndex(SearchTitleIndex, rowid, TitleFolded, TitleExact, Tags) " +
                "VALUES ('delete', old.RankKey, old.TitleFolded, old.TitleExact, old.Tags); ";
            migrationBuilder.Sql("CREATE TRIGGER SearchEntries_AfterInsert AFTER INSERT ON SearchEntries BEGIN " + insertNew + "END");
            migrationBuilder.Sql("CREATE TRIGGER SearchEntries_AfterDelete AFTER DELETE ON SearchEntries BEGIN " + deleteOld + "END");
            migrationBuilder.Sql("CREATE TRIGGER SearchEntries_AfterUpdate AFTER UPDATE ON SearchEntries BEGIN " + deleteOld + insertNew + "END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SearchEntries_AfterUpdate");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SearchEntries_AfterDelete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SearchEntries_AfterInsert");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchTitleIndex");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex");

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "ExtractedText",
                table: "StoredFiles");
        }
    }
}
