using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;

namespace EmulationPortal.Tests.Participation;

/// <summary>The portal for reminder tests: the daily job is off, so only what a test does sends reminders.</summary>
public sealed class ReminderAppFactory : PortalAppFactory
{
    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:Enabled", "false");
    }
}
