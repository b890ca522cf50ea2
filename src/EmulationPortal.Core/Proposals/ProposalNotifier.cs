using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Proposals;

/// <summary>What a notice or mail about one move says; the web project turns it into Vietnamese words.</summary>
public sealed record ProposalMoveMessage(
    int ProposalId,
    string ProposalTitle,
    string UnitName,
    ProposalAction Action,
    ProposalStatus From,
    ProposalStatus To,
    string UserName,
    string? Reason,
    DateTime AtLocal,
    string? Link);

/// <summary>Writes the notice text and the mail of a move (resources live in the web project, so Core stays free of MVC).</summary>
public interface IProposalMessageComposer
{
    /// <summary>The portal notice: one short paragraph, at most <see cref="ProposalNotifier.NoticeMaxLength"/> characters is kept.</summary>
    string Notice(ProposalMoveMessage message);

    (string Subject, string Body) Mail(ProposalMoveMessage message);
}

/// <summary>Settings of the notifier: the absolute address of the portal (from "Portal:BaseUrl") and the unit's page of a proposal.</summary>
public sealed class ProposalNotifierOptions
{
    /// <summary>"https://thidua.example.gov.vn" without a trailing slash; null: mails carry no link.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The unit's page of a proposal; "{0}" is the proposal's id.</summary>
    public string UnitProposalPath { get; set; } = "/don-vi/de-nghi/{0}";
}

/// <summary>
/// Tells the unit about each move of its proposals: a <see cref="UnitNotice"/> in its workspace and a mail to its
/// active unit reporters that have an address. Runs after the move is saved: a failure here is logged, never thrown,
/// so the move the user made is never reported as failed.
/// </summary>
public sealed class ProposalNotifier(
    PortalDbContext db,
    IMailSender mail,
    IProposalMessageComposer composer,
    PortalClock clock,
    ProposalNotifierOptions options,
    ILogger<ProposalNotifier> logger) : IProposalNotifier
{
    public const int NoticeMaxLength = 2000;

    public async Task NotifyAsync(IReadOnlyList<ProposalTransition> transitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        foreach (var transition in transitions)
        {
            await NotifyOneAsync(transition, cancellationToken);
        }
    }

    private async Task NotifyOneAsync(ProposalTransition transition, CancellationToken cancellationToken)
    {
        var proposalId = transition.Proposal?.Id is { } id and > 0 ? id : transition.ProposalId;
        var proposal = await db.Proposals.AsNoTracking()
            .Where(p => p.Id == proposalId)
            .Select(p => new { p.Id, p.Title, p.UnitId, UnitName = p.Unit!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (proposal is null)
        {
            logger.LogWarning("No proposal {ProposalId} to notify about", proposalId);
            return;
        }

        var link = string.IsNullOrEmpty(options.BaseUrl)
            ? null
            : options.BaseUrl.TrimEnd('/') + string.Format(System.Globalization.CultureInfo.InvariantCulture, options.UnitProposalPath, proposal.Id);
        var message = new ProposalMoveMessage(
            proposal.Id, proposal.Title, proposal.UnitName, transition.Action, transition.From, transition.To,
            transition.UserName, transition.Reason, clock.ToLocal(transition.At), link);

        var text = composer.Notice(message);
        var notice = new UnitNotice
        {
            UnitId = proposal.UnitId,
            ProposalId = proposal.Id,
            Text = text.Length > NoticeMaxLength ? text[..(NoticeMaxLength - 1)] + "…" : text,
            CreatedAt = clock.UtcNow,
        };
        db.UnitNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The move is saved; a lost notice must not turn it into an error page.
            db.Entry(notice).State = EntityState.Detached;
            logger.LogError(ex, "Could not write the notice of move {Action} of proposal {ProposalId}", transition.Action, proposal.Id);
        }

        var recipients = await RecipientsAsync(proposal.UnitId, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var (subject, body) = composer.Mail(message);
        try
        {
            await mail.SendAsync(new OutgoingMail(recipients, subject, body), cancellationToken);
            logger.LogInformation("Mailed {Count} reporters of unit {UnitId} about {Action} of proposal {ProposalId}", recipients.Count, proposal.UnitId, transition.Action, proposal.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The notice stays in the portal; the mail is not retried.
            logger.LogError(ex, "Could not mail unit {UnitId} about {Action} of proposal {ProposalId}", proposal.UnitId, transition.Action, proposal.Id);
        }
    }

    /// <summary>The addresses of the unit's reporters: enabled accounts with an e-mail address.</summary>
    private async Task<List<string>> RecipientsAsync(int unitId, CancellationToken cancellationToken) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join role in db.Roles on ur.RoleId equals role.Id
               where u.UnitId == unitId && role.Name == Roles.UnitReporter && !u.IsDisabled && u.Email != null && u.Email != ""
               select u.Email!)
            .Distinct()
            .OrderBy(e => e)
            .ToListAsync(cancellationToken);
}
