namespace EmulationPortal.Mail;

/// <summary>
/// Settings of outgoing mail (section "Mail"). With <c>Mail:Smtp:Host</c> set, mail goes through SMTP (MailKit);
/// otherwise each message is written as an .eml file into the pickup folder, so nothing is lost.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Sender address shown to recipients.</summary>
    public string FromAddress { get; set; } = "no-reply@localhost";

    /// <summary>Sender name shown to recipients.</summary>
    public string FromName { get; set; } = "Chuyên trang Thi đua – Khen thưởng";

    /// <summary>Folder for .eml files when no SMTP host is set; default: &lt;DataFolder&gt;/mail-pickup.</summary>
    public string? PickupFolder { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS on the submission port (587); false: TLS on connect when the port is 465, else none.</summary>
    public bool StartTls { get; set; } = true;
}
