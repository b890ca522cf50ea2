using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Campaigns;
using EmulationPortal.Certificates;
using EmulationPortal.Council;
using EmulationPortal.Decisions;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Feedbacks;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using EmulationPortal.Proposals;
using EmulationPortal.Reporting;
using EmulationPortal.Search;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmulationPortal.Data;

/// <summary>The one context of the portal, Identity included. Mapping is provider-neutral.</summary>
public class PortalDbContext(
    DbContextOptions<PortalDbContext> options, IAuditActor? auditActor = null, TimeProvider? timeProvider = null, IPublicContentChanges? publicContentChanges = null,
    ReportingDataCache? reportingData = null)
    : IdentityDbContext<PortalUser>(options)
{
    private bool _savingAudit;

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

    public DbSet<Feedback> Feedbacks => Set<Feedback>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ParticipationSettings> ParticipationSettings => Set<ParticipationSettings>();

    public DbSet<CampaignIndicator> CampaignIndicators => Set<CampaignIndicator>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<ReportRound> ReportRounds => Set<ReportRound>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<CommendationTally> CommendationTallies => Set<CommendationTally>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Nominee> Nominees => Set<Nominee>();

    public DbSet<ProposalDocument> ProposalDocuments => Set<ProposalDocument>();

    public DbSet<ProposalTransition> ProposalTransitions => Set<ProposalTransition>();

    public DbSet<UnitNotice> UnitNotices => Set<UnitNotice>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<AwardRule> AwardRules => Set<AwardRule>();

    public DbSet<ProposalSettings> ProposalSettings => Set<ProposalSettings>();

    public DbSet<DisciplineRecord> DisciplineRecords => Set<DisciplineRecord>();

    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();

    public DbSet<CouncilSession> CouncilSessions => Set<CouncilSession>();

    public DbSet<CouncilAttendance> CouncilAttendance => Set<CouncilAttendance>();

    public DbSet<CouncilAgendaItem> CouncilAgendaItems => Set<CouncilAgendaItem>();

    public DbSet<CouncilBallotRecord> CouncilBallotRecords => Set<CouncilBallotRecord>();

    public DbSet<AwardDecision> AwardDecisions => Set<AwardDecision>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateLayout> CertificateLayouts => Set<CertificateLayout>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Raises the version of every changed <see cref="IVersioned"/> entity, writes the audit log, keeps the rows
    /// derived from the saved ones (<see cref="CommendationTally"/>, the search index) in the same transaction, and
    /// after the commit tells <see cref="IPublicContentChanges"/> when public pages changed (cache eviction).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_savingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
        }

        var publicChange = publicContentChanges is not null && PublicContent.IsChangedBy(ChangeTracker);
        var dashboardChange = reportingData is not null && ReportingDataCache.IsChangedBy(ChangeTracker);
        var saved = await SaveWithDerivedDataAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (dashboardChange)
        {
            reportingData!.Clear();
        }

        if (publicChange)
        {
            // After the commit, so a page rendered meanwhile cannot put the old content back in a cache.
            await publicContentChanges!.ChangedAsync(cancellationToken);
        }

        return saved;
    }

    private async Task<int> SaveWithDerivedDataAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var tallyYears = CommendationTallyBuilder.AffectedYears(ChangeTracker);
        var searchChanges = SearchIndexer.Collect(ChangeTracker);
        if (tallyYears is null && searchChanges is null)
        {
            return await SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var result = await SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (tallyYears is not null)
            {
                await CommendationTallyBuilder.RebuildAsync(this, tallyYears, cancellationToken);
            }

            if (searchChanges is not null)
            {
                await SearchIndexer.RefreshAsync(this, searchChanges, cancellationToken);
                await SaveDerivedAsync(cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Saves rows derived from content (the search index) without auditing or deriving again.</summary>
    internal async Task SaveDerivedAsync(CancellationToken cancellationToken = default)
    {
        _savingAudit = true;
        try
        {
            await base.SaveChangesAsync(true, cancellationToken);
        }
        finally
        {
            _savingAudit = false;
        }
    }

    /// <summary>Writes the search index again from the content, in one transaction; returns the number of entries.</summary>
    public async Task<int> RebuildSearchIndexAsync(CancellationToken cancellationToken = default)
    {
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await SearchIndexer.RebuildAsync(this, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var actor = auditActor?.Current;
        if (actor is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var audits = AuditRecorder.Collect(ChangeTracker, actor.Value, now);
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (audits.Count > 0)
        {
            foreach (var (entry, source) in audits)
            {
                // Keys of added rows exist only after the save.
                entry.EntityId = AuditRecorder.KeyOf(source);
            }

            _savingAudit = true;
            try
            {
                AuditEntries.AddRange(audits.Select(a => a.Entry));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                _savingAudit = false;
            }
        }

        return result;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
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
