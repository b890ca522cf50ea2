using EmulationPortal.Data;
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
    DemoProposalsSeeder demoProposals,
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
            if (await demoSeeder.SeedAsync())
            {
                // In its own transaction after the content it builds on: should it fail, the portal still starts.
                try
                {
                    await demoProposals.SeedAsync();
                }
                catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException)
                {
                    logger.LogError(ex, "The demo proposals could not be seeded; the rest of the demo content is in place");
                }
            }
        }
    }
}
