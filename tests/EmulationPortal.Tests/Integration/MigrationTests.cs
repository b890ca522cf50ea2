using EmulationPortal.Data;
using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>
/// Both providers' migrations against the model. The context comes from the app's own registration
/// (<c>AddPortal</c>, which also configures Identity's store options), built without starting the host:
/// the host would migrate at start, and no SQL Server is reachable here.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emulation-portal-migrations", Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_folder);

    private WebApplication BuildApp(string provider, string? connectionString = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _folder });
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:DataFolder"] = _folder,
        };
        if (connectionString is not null)
        {
            settings["ConnectionStrings:Portal"] = connectionString;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortal();
        return builder.Build();
    }

    [Fact]
    public async Task SqliteMigrations_WhenAppliedToNewFile_LeaveNothingPending()
    {
        await using var app = BuildApp("Sqlite");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.False(File.Exists(Path.Combine(_folder, "portal.db")));

        await db.Database.MigrateAsync();

        Assert.True(File.Exists(Path.Combine(_folder, "portal.db")));
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Documents.CountAsync());
    }

    [Fact]
    public async Task SqliteModel_WhenComparedWithLatestMigration_HasNoPendingChanges()
    {
        await using var app = BuildApp("Sqlite");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --project src/EmulationPortal.Migrations.Sqlite --startup-project src/EmulationPortal.Web -- --provider Sqlite");
    }

    [Fact]
    public async Task SqlServerModel_WhenComparedWithLatestMigration_HasNoPendingChanges()
    {
        await using var app = BuildApp("SqlServer", "Server=127.0.0.1,1;Database=EmulationPortalTests;User Id=x;Password=x;TrustServerCertificate=true;Connect Timeout=1");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet ef migrations add <Name> --project src/EmulationPortal.Migrations.SqlServer --startup-project src/EmulationPortal.Web -- --provider SqlServer");
    }

    [Fact]
    public async Task SqlServerScript_WhenGeneratedIdempotent_GuardsEveryMigrationAndCreatesTables()
    {
        await using var app = BuildApp("SqlServer", "Server=127.0.0.1,1;Database=EmulationPortalTests;User Id=x;Password=x;TrustServerCertificate=true;Connect Timeout=1");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Documents]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("nvarchar(max) NOT NULL,\n    [Number]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlServerScript_WhenGenerated_StoresTextAsUnicode()
    {
        await using var app = BuildApp("SqlServer", "Server=127.0.0.1,1;Database=x;User Id=x;Password=x;TrustServerCertificate=true");
        using var scope = app.Services.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<PortalDbContext>().GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Vietnamese needs nvarchar; a varchar column would turn "Nguyễn" into "Nguy?n".
        Assert.DoesNotMatch(@"\[(Title|Name|FullName|Abstract|Number)\] varchar", script);
        Assert.Matches(@"\[FullName\] nvarchar", script);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
