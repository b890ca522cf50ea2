using System.Reflection;
using EmulationPortal.Data;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Security.Errors;

/// <summary>
/// The portal with everything logged (Debug for every category, Microsoft and EF Core included) to its log file, and a
/// test-only controller that fails on purpose. The controller exists only in this factory: the shipped app has no
/// way to force an error.
/// </summary>
public class LoggingAppFactory : PortalAppFactory
{
    public const string ForcedErrorMarker = "FORCED-ERROR-7f3a";

    private static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
    };

    public string LogFolder => Path.Combine(DataFolder, "logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Verbose)
        {
            builder.UseSetting(key, value);
        }

        // The settings given to the host as command-line arguments leave an empty value on "Serilog:WriteTo:1" itself,
        // which Serilog reads as a sink named "" and drops the file sink (no log file at all); null restores it.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Verbose).AddInMemoryCollection([new("Serilog:WriteTo:1", null)]));
        builder.ConfigureTestServices(services => services.AddMvcCore().ConfigureApplicationPartManager(
            parts => parts.FeatureProviders.Add(new ForcedErrorControllerFeature())));
    }

    /// <summary>Everything the portal has logged so far (the file sink writes through; read while it is open).</summary>
    public string ReadLog()
    {
        if (!Directory.Exists(LogFolder))
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(LogFolder).Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>The log lines that mention the text (an exception's stack lines follow their event line and are left out).</summary>
    public IReadOnlyList<string> LogLinesWith(string text) =>
        ReadLog().Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();

    private sealed class ForcedErrorControllerFeature : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature) =>
            feature.Controllers.Add(typeof(ForcedErrorController).GetTypeInfo());
    }
}

/// <summary>Test-only endpoints that fail the way real code can: an exception with a revealing message, a bad SQL statement, a client error thrown deep down.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("thu-nghiem")]
public sealed class ForcedErrorController(PortalDbContext db) : Controller
{
    [Route("loi-may-chu")]
    public IActionResult Throw() =>
        throw new InvalidOperationException($"{LoggingAppFactory.ForcedErrorMarker} in /srv/portal/src/Secret.cs: SELECT * FROM AspNetUsers WHERE PasswordHash = 'x' ({Request.Path})");

    [HttpGet("loi-csdl")]
    public async Task<IActionResult> BadSql() =>
        Ok(await db.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable7f3a SET Secret = 1"));

    [HttpGet("qua-lon")]
    public IActionResult TooLarge() =>
        throw new BadHttpRequestException($"Request body too large ({Request.Path}).", StatusCodes.Status413PayloadTooLarge);
}
