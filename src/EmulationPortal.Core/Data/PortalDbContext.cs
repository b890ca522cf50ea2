using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Documents;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmulationPortal.Data;

/// <summary>The one context of the portal, Identity included. Mapping is provider-neutral.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();

    public DbSet<EmulationBlock> EmulationBlocks => Set<EmulationBlock>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<Field> Fields => Set<Field>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentAttachment> DocumentAttachments => Set<DocumentAttachment>();

    public DbSet<AwardType> AwardTypes => Set<AwardType>();

    public DbSet<Commendation> Commendations => Set<Commendation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every instant is UTC; SQLite hands DateTime back as Unspecified, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
