using EmulationPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>
/// The real portal on the test server, in the "Testing" environment (Vietnamese error pages, no developer
/// exception page), with its own temporary data folder (SQLite file and stored files) and the demo content.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Thu-nghiem-2026!";

    public PortalAppFactory()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "emulation-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
    }

    /// <summary>Absolute path of the data folder this app uses.</summary>
    public string DataFolder { get; }

    public string FilesFolder => Path.Combine(DataFolder, "files");

    protected IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = DataFolder,
        ["Seed:AdminPassword"] = AdminPassword,
        ["Seed:DemoContent"] = "true",
        ["Reminders:Enabled"] = "false",
        ["Security:SignInRateLimit:PermitLimit"] = "100000", // tests sign in many times from one (null) address
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(DataFolder, "logs", "portal-.log"),
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");

        // UseSetting reaches the configuration before Program reads it (AddPortal runs before Build);
        // the in-memory source keeps the values for anything that reads configuration later.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
        builder.UseStaticWebAssets();
    }

    /// <summary>A client that neither follows redirects nor loses cookies: tests see each hop.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await action(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned by the system later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
