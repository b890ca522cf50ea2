using EmulationPortal.Data;

namespace EmulationPortal.Seeding;

/// <summary>Fills an empty database with the demo organisation and content. Idempotent. (Placeholder: content lands next.)</summary>
public sealed class DemoContentSeeder(PortalDbContext db)
{
    public Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        return Task.CompletedTask;
    }
}
