using EmulationPortal.Certificates;
using EmulationPortal.Council;
using EmulationPortal.Decisions;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.CoverText).HasMaxLength(20000);
        builder.Property(p => p.CreatedById).HasMaxLength(450);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UnitId, p.Year });
        builder.HasIndex(p => new { p.Status, p.UpdatedAt });
    }
}

/// <remarks>
/// Links from nominees to decisions, commendations and consultations are Restrict (NO ACTION): SQL Server refuses a
/// table reachable by two cascading paths, and the workflow clears these links itself.
/// </remarks>
internal sealed class NomineeConfiguration : IEntityTypeConfiguration<Nominee>
{
    public void Configure(EntityTypeBuilder<Nominee> builder)
    {
        builder.Property(n => n.Achievement).HasMaxLength(2000);
        builder.Property(n => n.OutcomeReason).HasMaxLength(1000);
        builder.HasOne(n => n.Proposal).WithMany(p => p.Nominees).HasForeignKey(n => n.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.StaffMember).WithMany().HasForeignKey(n => n.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Unit).WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.AwardType).WithMany().HasForeignKey(n => n.AwardTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Decision).WithMany(d => d.Nominees).HasForeignKey(n => n.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Commendation).WithMany().HasForeignKey(n => n.CommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Consultation).WithMany(c => c.Nominees).HasForeignKey(n => n.ConsultationId).OnDelete(DeleteBehavior.Restrict);

        // One recipient, of the kind it says (as for commendations).
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Nominees_Recipient",
            "(RecipientKind = 0 AND StaffMemberId IS NOT NULL AND UnitId IS NULL) OR (RecipientKind = 1 AND UnitId IS NOT NULL AND StaffMemberId IS NULL)"));

        // The rule checks look nominees up by person or unit and year (through the proposal).
        builder.HasIndex(n => new { n.StaffMemberId, n.AwardTypeId });
        builder.HasIndex(n => new { n.UnitId, n.AwardTypeId });
        builder.HasIndex(n => new { n.ProposalId, n.SortOrder });
        builder.HasIndex(n => n.DecisionId);
        builder.HasIndex(n => n.ConsultationId);
        builder.HasIndex(n => n.CommendationId);
    }
}

internal sealed class ProposalDocumentConfiguration : IEntityTypeConfiguration<ProposalDocument>
{
    public void Configure(EntityTypeBuilder<ProposalDocument> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(300).IsRequired();
        builder.Property(d => d.UploadedById).HasMaxLength(450);
        builder.HasOne(d => d.Proposal).WithMany(p => p.Documents).HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Nominee).WithMany().HasForeignKey(d => d.NomineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.StoredFile).WithMany().HasForeignKey(d => d.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ProposalId, d.Kind });
        builder.HasIndex(d => d.NomineeId);
    }
}

internal sealed class ProposalTransitionConfiguration : IEntityTypeConfiguration<ProposalTransition>
{
    public void Configure(EntityTypeBuilder<ProposalTransition> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.UserName).HasMaxLength(150).IsRequired();
        builder.HasOne(t => t.Proposal).WithMany(p => p.Transitions).HasForeignKey(t => t.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ProposalId, t.At });
    }
}

internal sealed class UnitNoticeConfiguration : IEntityTypeConfiguration<UnitNotice>
{
    public void Configure(EntityTypeBuilder<UnitNotice> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(2000).IsRequired();
        builder.HasOne(n => n.Unit).WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Proposal).WithMany().HasForeignKey(n => n.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UnitId, n.CreatedAt });
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(c => new { c.StartsOn, c.EndsOn });
    }
}

internal sealed class AwardRuleConfiguration : IEntityTypeConfiguration<AwardRule>
{
    public void Configure(EntityTypeBuilder<AwardRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.CapPercent).HasPrecision(5, 2);
        builder.HasOne(r => r.AwardType).WithMany().HasForeignKey(r => r.AwardTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RequiredAwardType).WithMany().HasForeignKey(r => r.RequiredAwardTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RequiredAwardTypeId);
        builder.HasIndex(r => r.AwardTypeId);
    }
}

internal sealed class ProposalSettingsConfiguration : IEntityTypeConfiguration<ProposalSettings>
{
    public void Configure(EntityTypeBuilder<ProposalSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DecisionPlace).HasMaxLength(100);
        builder.Property(s => s.DecidedBy).HasMaxLength(200);
        builder.Property(s => s.DecisionSymbol).HasMaxLength(50);
    }
}

internal sealed class DisciplineRecordConfiguration : IEntityTypeConfiguration<DisciplineRecord>
{
    public void Configure(EntityTypeBuilder<DisciplineRecord> builder)
    {
        builder.Property(d => d.Form).HasMaxLength(100).IsRequired();
        builder.Property(d => d.DecisionNumber).HasMaxLength(64);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.HasOne(d => d.StaffMember).WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.StaffMemberId, d.EffectiveFrom });
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> builder)
    {
        builder.HasOne(m => m.StaffMember).WithMany().HasForeignKey(m => m.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.StaffMemberId).IsUnique();
    }
}

internal sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300).IsRequired();
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.Property(s => s.ClosedById).HasMaxLength(450);
        builder.HasOne(s => s.MinutesFile).WithMany().HasForeignKey(s => s.MinutesFileId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.HeldOn);
    }
}

internal sealed class CouncilAttendanceConfiguration : IEntityTypeConfiguration<CouncilAttendance>
{
    public void Configure(EntityTypeBuilder<CouncilAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.CouncilMemberId });
        builder.HasOne(a => a.Session).WithMany(s => s.Attendance).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.CouncilMember).WithMany().HasForeignKey(a => a.CouncilMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CouncilMemberId);
    }
}

internal sealed class CouncilAgendaItemConfiguration : IEntityTypeConfiguration<CouncilAgendaItem>
{
    public void Configure(EntityTypeBuilder<CouncilAgendaItem> builder)
    {
        builder.HasOne(i => i.Session).WithMany(s => s.Agenda).HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Nominee).WithMany().HasForeignKey(i => i.NomineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.SessionId, i.NomineeId }).IsUnique();
        builder.HasIndex(i => i.NomineeId);
    }
}

internal sealed class CouncilBallotRecordConfiguration : IEntityTypeConfiguration<CouncilBallotRecord>
{
    public void Configure(EntityTypeBuilder<CouncilBallotRecord> builder)
    {
        builder.HasKey(b => new { b.AgendaItemId, b.CouncilMemberId });
        builder.HasOne(b => b.AgendaItem).WithMany().HasForeignKey(b => b.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.CouncilMember).WithMany().HasForeignKey(b => b.CouncilMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.CouncilMemberId);
    }
}

internal sealed class AwardDecisionConfiguration : IEntityTypeConfiguration<AwardDecision>
{
    public void Configure(EntityTypeBuilder<AwardDecision> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.Place).HasMaxLength(100);
        builder.Property(d => d.IssuerParent).HasMaxLength(200);
        builder.Property(d => d.Issuer).HasMaxLength(200);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);
        builder.Property(d => d.Abstract).HasMaxLength(1000);
        builder.Property(d => d.LegalBases).HasMaxLength(8000);
        builder.Property(d => d.Articles).HasMaxLength(8000);
        builder.Property(d => d.SignerTitle).HasMaxLength(200);
        builder.Property(d => d.SignerName).HasMaxLength(150);
        builder.Property(d => d.Recipients).HasMaxLength(2000);
        builder.Property(d => d.IssuedById).HasMaxLength(450);
        builder.Property(d => d.CancelReason).HasMaxLength(2000);
        builder.HasOne(d => d.SignedFile).WithMany().HasForeignKey(d => d.SignedFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Document).WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.SetNull);

        // A number is used once; drafts have none (filtered unique index: NULLs are distinct in both providers' filtered form).
        builder.HasIndex(d => d.Number).IsUnique().HasFilter("Number IS NOT NULL");
        builder.HasIndex(d => new { d.Status, d.SignedOn });
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.Year, c.AwardTypeId, c.SequenceNumber }).IsUnique();
        builder.HasIndex(c => c.CommendationId).IsUnique();
        builder.HasOne(c => c.Commendation).WithMany().HasForeignKey(c => c.CommendationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Nominee).WithMany().HasForeignKey(c => c.NomineeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.NomineeId);
    }
}

internal sealed class CertificateLayoutConfiguration : IEntityTypeConfiguration<CertificateLayout>
{
    public void Configure(EntityTypeBuilder<CertificateLayout> builder)
    {
        foreach (var property in builder.Metadata.GetProperties().Where(p => p.ClrType == typeof(decimal)))
        {
            property.SetPrecision(7);
            property.SetScale(2);
        }

        builder.HasOne(l => l.AwardType).WithMany().HasForeignKey(l => l.AwardTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.AwardTypeId).IsUnique();
    }
}
