using EmulationPortal.Campaigns;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class ParticipationSettingsConfiguration : IEntityTypeConfiguration<ParticipationSettings>
{
    public void Configure(EntityTypeBuilder<ParticipationSettings> builder)
    {
        builder.HasKey(s => s.CampaignId);
        builder.HasOne(s => s.Campaign).WithOne().HasForeignKey<ParticipationSettings>(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.ExpectedUnits).WithMany().UsingEntity(
            "CampaignExpectedUnits",
            r => r.HasOne(typeof(Unit)).WithMany().HasForeignKey("UnitId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(ParticipationSettings)).WithMany().HasForeignKey("CampaignId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("CampaignId", "UnitId"));
    }
}

internal sealed class CampaignIndicatorConfiguration : IEntityTypeConfiguration<CampaignIndicator>
{
    public void Configure(EntityTypeBuilder<CampaignIndicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.MeasureUnit).HasMaxLength(50);
        builder.HasOne(i => i.Campaign).WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.CampaignId, i.SortOrder });
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.Property(r => r.Commitments).HasMaxLength(8000);
        builder.Property(r => r.RegisteredByUserId).HasMaxLength(450);
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.StaffMember).WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.RegistrationId).OnDelete(DeleteBehavior.Cascade);

        // One registration per unit and per person in a campaign. On SQL Server, EF filters unique indexes over
        // nullable columns (IS NOT NULL), so personal registrations (UnitId NULL) do not collide; SQLite allows many NULLs.
        builder.HasIndex(r => new { r.CampaignId, r.UnitId }).IsUnique();
        builder.HasIndex(r => new { r.CampaignId, r.StaffMemberId }).IsUnique();
        builder.HasIndex(r => new { r.UnitId, r.CampaignId });
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Registrations_Registrant",
            "(UnitId IS NOT NULL AND StaffMemberId IS NULL) OR (UnitId IS NULL AND StaffMemberId IS NOT NULL)"));
    }
}

internal sealed class RegistrationTargetConfiguration : IEntityTypeConfiguration<RegistrationTarget>
{
    public void Configure(EntityTypeBuilder<RegistrationTarget> builder)
    {
        builder.HasKey(t => new { t.RegistrationId, t.IndicatorId });
        builder.Property(t => t.Value).HasPrecision(18, 2);
        builder.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportRoundConfiguration : IEntityTypeConfiguration<ReportRound>
{
    public void Configure(EntityTypeBuilder<ReportRound> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CampaignId, r.DueOn });
        builder.HasIndex(r => new { r.DueOn, r.IsLocked });
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        builder.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RoundId, r.UnitId }).IsUnique();
        builder.HasIndex(r => new { r.UnitId, r.RoundId });
        builder.HasIndex(r => new { r.RoundId, r.SubmittedOn });
    }
}

internal sealed class ProgressReportValueConfiguration : IEntityTypeConfiguration<ProgressReportValue>
{
    public void Configure(EntityTypeBuilder<ProgressReportValue> builder)
    {
        builder.HasKey(v => new { v.ReportId, v.IndicatorId });
        builder.Property(v => v.Value).HasPrecision(18, 2);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressReportAttachmentConfiguration : IEntityTypeConfiguration<ProgressReportAttachment>
{
    public void Configure(EntityTypeBuilder<ProgressReportAttachment> builder)
    {
        builder.HasOne(a => a.StoredFile).WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReportId, a.StoredFileId }).IsUnique();
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.DedupKey).HasMaxLength(100).IsRequired();
        builder.Property(r => r.SentByUserId).HasMaxLength(450);
        builder.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.DedupKey).IsUnique();
        builder.HasIndex(r => new { r.UnitId, r.SentAt });
        builder.HasIndex(r => new { r.RoundId, r.UnitId });
    }
}
