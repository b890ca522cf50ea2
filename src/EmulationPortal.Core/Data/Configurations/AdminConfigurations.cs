using EmulationPortal.Audit;
using EmulationPortal.Feedbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(30).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Changes).IsRequired();
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => new { a.UserName, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.Property(f => f.Subject).HasMaxLength(300);
        builder.Property(f => f.Text).HasMaxLength(4000).IsRequired();
        builder.Property(f => f.ContactName).HasMaxLength(150);
        builder.Property(f => f.ContactInfo).HasMaxLength(200);
        builder.Property(f => f.SubmittedByUserId).HasMaxLength(450);
        builder.Property(f => f.InternalNote).HasMaxLength(4000);
        builder.HasOne(f => f.Campaign).WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.Nominee).WithMany().HasForeignKey(f => f.NomineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.Status, f.CreatedAt });
        builder.HasIndex(f => f.NomineeId);
    }
}
