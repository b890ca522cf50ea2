using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmulationPortal.Benchmarks.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

// TechEmpower "Fortunes" style: one MVC action reads 12 rows with EF Core (AsNoTracking) from SQLite and renders them
// through a Razor view. The database is a file in Reference:DataFolder (default: a temporary folder), seeded at start.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var folder = builder.Configuration["Reference:DataFolder"] ?? Path.Combine(Path.GetTempPath(), "emulation-portal-reference");
Directory.CreateDirectory(folder);
builder.Services.AddDbContextPool<FortunesDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "fortunes.db")}"));
builder.Services.AddControllersWithViews();

// As the portal (and TechEmpower's Fortunes) does: Vietnamese letters are written as they are, not as &#x...; escapes.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await FortunesDbContext.SeedAsync(scope.ServiceProvider.GetRequiredService<FortunesDbContext>());
}

app.MapControllers();
await app.RunAsync();
