using System.Net;
using EmulationPortal.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmulationPortal.BrowserTests;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 with a random port, a temporary data folder and the demo content,
/// plus one Chromium shared by the tests of a class.
/// </summary>
public sealed class PortalServerFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "emulation-portal-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public PortalServerFixture()
    {
        Directory.CreateDirectory(_dataFolder);
        ScreenshotFolder = Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(ScreenshotFolder);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started: " + _startError);

    public string ScreenshotFolder { get; }

    private IBrowser? _browser;
    private string? _startError;

    private Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataFolder"] = _dataFolder,
        ["Seed:AdminPassword"] = "Thu-nghiem-trinh-duyet-2026!",
        ["Seed:DemoContent"] = "true",
        ["Reminders:Enabled"] = "false",
        ["Serilog:WriteTo:1:Args:path"] = System.IO.Path.Combine(_dataFolder, "logs", "portal-.log"),
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
        builder.UseStaticWebAssets();
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");

        var executable = Chromium.Path;
        if (executable is null)
        {
            _startError = "no Chromium at PLAYWRIGHT_CHROMIUM_PATH or /usr/bin/chromium";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>The password of every account the tests create.</summary>
    public const string UserPassword = "Thu-nghiem-nguoi-dung-2026!";

    /// <summary>Creates an account (no forced password change) with the given roles and unit; returns its user name.</summary>
    public async Task<string> CreateUserAsync(string prefix, string displayName, int? unitId, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var userName = prefix + Guid.NewGuid().ToString("N")[..8];
        var user = new PortalUser { UserName = userName, DisplayName = displayName, LockoutEnabled = true, MustChangePassword = false, UnitId = unitId };
        var created = await users.CreateAsync(user, UserPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRolesAsync(user, roles);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return userName;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
