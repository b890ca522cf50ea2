using EmulationPortal.Web.Infrastructure;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog(
    (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext(),
    preserveStaticLogger: true);

builder.AddPortal();

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UsePortal();

await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program
{
}
