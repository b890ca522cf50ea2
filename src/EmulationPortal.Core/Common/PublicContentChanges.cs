using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Feedbacks;
using EmulationPortal.Participation;
using EmulationPortal.Reporting;
using EmulationPortal.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EmulationPortal.Common;

/// <summary>Told after a save that changed what the public pages show (the web app evicts its output cache).</summary>
public interface IPublicContentChanges
{
    Task ChangedAsync(CancellationToken cancellationToken);
}

/// <summary>Decides whether a pending save can change a public page.</summary>
public static class PublicContent
{
    /// <summary>
    /// Rows no public page shows: accounts, sign-ins and sessions, the audit log, feedback, unit reports and reminders, the
    /// proposal workflow's working papers, and the derived summaries. Everything else counts as public, so a new entity type errs on the side of eviction.
    /// </summary>
    private static readonly HashSet<Type> PrivateTypes =
    [
        typeof(PortalUser), typeof(UserSession), typeof(IdentityRole), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>), typeof(IdentityRoleClaim<string>),
        typeof(AuditEntry), typeof(Feedback), typeof(Registration), typeof(RegistrationTarget), typeof(ProgressReport),
        typeof(ProgressReportValue), typeof(ProgressReportAttachment), typeof(Reminder), typeof(ReportRound),
        typeof(CommendationTally), typeof(SearchEntry),

        // The proposal workflow's working papers; what it publishes reaches the public as commendations,
        // documents and consultation lists (nominees), which stay public.
        typeof(Proposals.Proposal), typeof(Proposals.ProposalDocument), typeof(Proposals.ProposalTransition),
        typeof(Proposals.UnitNotice), typeof(Proposals.AwardRule), typeof(Proposals.ProposalSettings),
        typeof(Organisation.DisciplineRecord), typeof(Council.CouncilMember), typeof(Council.CouncilSession),
        typeof(Council.CouncilAttendance), typeof(Council.CouncilAgendaItem), typeof(Council.CouncilBallotRecord),
        typeof(Certificates.CertificateLayout),
    ];

    public static bool IsChangedBy(ChangeTracker changeTracker)
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        return changeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !PrivateTypes.Contains(e.Metadata.ClrType));
    }
}
