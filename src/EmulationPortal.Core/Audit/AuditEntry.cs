namespace EmulationPortal.Audit;

/// <summary>What was done.</summary>
public static class AuditActions
{
    public const string Create = nameof(Create);
    public const string Update = nameof(Update);
    public const string Delete = nameof(Delete);
    public const string Publish = nameof(Publish);
    public const string Unpublish = nameof(Unpublish);
    public const string Login = nameof(Login);
    public const string LoginFailed = nameof(LoginFailed);
    public const string Logout = nameof(Logout);
}

/// <summary>One line of the audit log: who did what to which entity, and which fields changed (old → new). Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>JSON object: property name → { "old": …, "new": … }.</summary>
    public string Changes { get; set; } = "{}";
}

/// <summary>Who is acting now; the web host supplies the signed-in user. Null outside a request (seeding, jobs).</summary>
public interface IAuditActor
{
    (string? UserId, string UserName)? Current { get; }
}
