using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EmulationPortal.Mail;

/// <summary>Builds the MIME message both senders use.</summary>
public static class MailMessageBuilder
{
    public static MimeMessage Build(OutgoingMail mail, MailOptions options, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        foreach (var address in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = mail.Subject;
        message.Date = date;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.TextBody };
        return message;
    }
}

/// <summary>Sends through an SMTP server with MailKit (used when "Mail:Smtp:Host" is configured).</summary>
public sealed class SmtpMailSender(MailOptions options, TimeProvider timeProvider) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var message = MailMessageBuilder.Build(mail, options, timeProvider.GetUtcNow());
        using var client = new SmtpClient();
        var security = options.Smtp.StartTls
            ? SecureSocketOptions.StartTls
            : options.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(options.Smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set"), options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.User))
        {
            await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file into a folder (no SMTP configured): nothing is lost, and tests can read it.</summary>
public sealed class PickupFolderMailSender(string folder, MailOptions options, TimeProvider timeProvider) : IMailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var message = MailMessageBuilder.Build(mail, options, now);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await using (var stream = new FileStream(path + ".tmp", FileMode.CreateNew, FileAccess.Write))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // Readers only ever see complete files.
        File.Move(path + ".tmp", path);
    }
}
