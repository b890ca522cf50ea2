namespace EmulationPortal.Mail;

/// <summary>A plain-text message to one or more recipients.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string TextBody);

/// <summary>The seam to the outside world for e-mail: SMTP in production, a pickup folder without SMTP and in tests.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
