using EmulationPortal.Data;
using EmulationPortal.Files;
using EmulationPortal.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// At start-up: migrates the embedded SQLite database (a server database is migrated with the idempotent
/// script unless told otherwise), creates roles and the first administrator, and seeds the demo content.
/// </summary>
internal sealed class DatabaseInitializer(
    PortalDbContext db,
    DatabaseOptions options,
    DataFolder dataFolder,
    IdentitySeeder identitySeeder,
    DemoContentSeeder demoSeeder,
    FileTextBackfill fileText,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(IConfiguration configuration)
    {
        Directory.CreateDirectory(dataFolder.Path);
        if (options.Provider == DatabaseProvider.Sqlite || options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            logger.LogError("The database has pending migrations; apply the idempotent script (see README) before starting the portal");
            throw new InvalidOperationException("The database schema is out of date. Apply the migration script first.");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while a writer commits; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            SqliteConnection.ClearAllPools();
        }

        var generated = await identitySeeder.SeedAsync(configuration["Seed:AdminPassword"]);
        if (generated is not null)
        {
            // Printed once to the console only, never to the log files.
            await Console.Out.WriteLineAsync(
                $"""

                 ==================================================================
                  First administrator created. Sign in at /dang-nhap as:
                    user name: {IdentitySeeder.AdminUserName}
                    password:  {generated}
                  You will be asked to choose a new password at the first sign-in.
                 ==================================================================

                """);
        }

        if (configuration.GetValue("Seed:DemoContent", defaultValue: true))
        {
            await demoSeeder.SeedAsync();
        }

        await IndexExistingContentAsync();
    }

    /// <summary>
    /// The first start with search indexes what the portal already holds; from then on every save keeps the index.
    /// </summary>
    private async Task IndexExistingContentAsync()
    {
        // Files stored before text extraction existed (null text) are read once; their documents are re-indexed
        // by the save. Cheap when there are none.
        var read = await fileText.ExtractMissingAsync();
        if (read > 0)
        {
            logger.LogInformation("Read the text of {Files} stored files for search", read);
        }

        var hasContent = await db.Articles.AnyAsync() || await db.Documents.AnyAsync() || await db.Campaigns.AnyAsync() || await db.Commendations.AnyAsync();
        if (!hasContent || await db.SearchEntries.AnyAsync())
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var entries = await db.RebuildSearchIndexAsync();
        logger.LogInformation("Search index built for the existing content: {Entries} entries in {Seconds:F1} s", entries, started.Elapsed.TotalSeconds);
    }
}
