using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> builder)
    {
        builder.Property(o => o.ParentName).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(200);
        builder.Property(o => o.ContentResponsible).HasMaxLength(200);
        builder.HasOne(o => o.EmulationBlock).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.Logo).WithMany().HasForeignKey(o => o.LogoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EmulationBlockConfiguration : IEntityTypeConfiguration<EmulationBlock>
{
    public void Configure(EntityTypeBuilder<EmulationBlock> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Description).HasMaxLength(1000);
        builder.HasIndex(b => b.Name).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200).IsRequired();
        builder.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ParentId, u.SortOrder });
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.FullName).HasMaxLength(150).IsRequired();
        builder.Property(s => s.NameSortKey).HasMaxLength(600).IsRequired();
        builder.Property(s => s.Position).HasMaxLength(150);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.UnitId, s.NameSortKey });
        builder.HasIndex(s => s.NameSortKey);
    }
}
