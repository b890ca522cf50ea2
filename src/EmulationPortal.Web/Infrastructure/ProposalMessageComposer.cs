using System.Globalization;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Notices and mails about proposal moves, in Vietnamese from WorkflowResource.resx (enum names from SharedResource.resx).</summary>
internal sealed class ProposalMessageComposer(IStringLocalizer<WorkflowResource> t, IStringLocalizer<SharedResource> shared) : IProposalMessageComposer
{
    public string Notice(ProposalMoveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = t["Notice.Moved", message.ProposalTitle, Action(message), Status(message.To), message.UserName, When(message)].Value;
        return string.IsNullOrEmpty(message.Reason) ? text : text + " " + t["Notice.Reason", message.Reason].Value;
    }

    public (string Subject, string Body) Mail(ProposalMoveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = t["Mail.Subject", Status(message.To), message.ProposalTitle].Value;
        var lines = new List<string>
        {
            t["Mail.Greeting", message.UnitName].Value,
            string.Empty,
            t["Mail.Moved", message.ProposalTitle, Action(message), Status(message.From), Status(message.To)].Value,
            t["Mail.Who", message.UserName, When(message)].Value,
        };
        if (!string.IsNullOrEmpty(message.Reason))
        {
            lines.Add(t["Mail.Reason", message.Reason].Value);
        }

        if (message.Link is not null)
        {
            lines.Add(string.Empty);
            lines.Add(t["Mail.Link", message.Link].Value);
        }

        lines.Add(string.Empty);
        lines.Add(t["Mail.Footer"].Value);
        return (subject, string.Join("\n", lines));
    }

    private string Action(ProposalMoveMessage message) => shared[ResourceKeys.For(message.Action)].Value;

    private string Status(ProposalStatus status) => shared[ResourceKeys.For(status)].Value;

    private static string When(ProposalMoveMessage message) => message.AtLocal.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
