using EmulationPortal.Accounts;
using EmulationPortal.Honors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class AwardTypeConfiguration : IEntityTypeConfiguration<AwardType>
{
    public void Configure(EntityTypeBuilder<AwardType> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => new { a.Category, a.SortOrder });
    }
}

internal sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> builder)
    {
        builder.Property(c => c.DecisionNumber).HasMaxLength(64).IsRequired();
        builder.Property(c => c.DecidedBy).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Achievement).HasMaxLength(2000);
        builder.HasOne(c => c.AwardType).WithMany().HasForeignKey(c => c.AwardTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.StaffMember).WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Campaign).WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Field).WithMany().HasForeignKey(c => c.FieldId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Photo).WithMany().HasForeignKey(c => c.PhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.RecipientKind);
        builder.Property(c => c.StaffMemberId);
        builder.Property(c => c.UnitId);

        // A commendation has exactly one recipient, of the kind it says. Identifiers unquoted: valid in both providers
        // and independent of SQL Server's QUOTED_IDENTIFIER setting.
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Commendations_Recipient",
            "(RecipientKind = 0 AND StaffMemberId IS NOT NULL AND UnitId IS NULL) OR (RecipientKind = 1 AND UnitId IS NOT NULL AND StaffMemberId IS NULL)"));

        builder.HasIndex(c => new { c.Year, c.DecidedOn });
        builder.HasIndex(c => new { c.AwardTypeId, c.Year });
        builder.HasIndex(c => new { c.StaffMemberId, c.Year });

        // Covers the dashboard's share of women per year and its per-unit count of a year (join to StaffMembers)
        // without reading commendation rows: 25 ms instead of 300 ms at 100,000 commendations (docs/performance.md).
        builder.HasIndex(c => new { c.Year, c.StaffMemberId });
        builder.HasIndex(c => new { c.UnitId, c.Year });
        builder.HasIndex(c => new { c.RecipientKind, c.Year });
        builder.HasIndex(c => new { c.IsFeatured, c.Year });
        builder.HasIndex(c => c.CampaignId);
        builder.HasOne(c => c.AwardDecision).WithMany().HasForeignKey(c => c.AwardDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.AwardDecisionId);
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(150);
        builder.HasOne(u => u.StaffMember).WithMany().HasForeignKey(u => u.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.StaffMemberId);
        builder.HasIndex(u => u.UnitId);
    }
}

internal sealed class CommendationTallyConfiguration : IEntityTypeConfiguration<EmulationPortal.Reporting.CommendationTally>
{
    public void Configure(EntityTypeBuilder<EmulationPortal.Reporting.CommendationTally> builder)
    {
        builder.HasKey(t => new { t.Year, t.Dimension, t.ItemId });
        builder.HasIndex(t => new { t.Dimension, t.ItemId });
    }
}
