namespace EmulationPortal.Accounts;

/// <summary>Role names; never write them as strings elsewhere.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string Leader = nameof(Leader);
    public const string UnitReporter = nameof(UnitReporter);
    public const string Staff = nameof(Staff);

    /// <summary>Chuyên viên thẩm định: appraises proposals.</summary>
    public const string Specialist = nameof(Specialist);

    /// <summary>Chánh Văn phòng: the Office head, who sends appraised proposals on.</summary>
    public const string OfficeHead = nameof(OfficeHead);

    /// <summary>Thư ký Hội đồng Thi đua – Khen thưởng: runs the council's sessions.</summary>
    public const string CouncilSecretary = nameof(CouncilSecretary);

    public static IReadOnlyList<string> All { get; } = [Administrator, Editor, Leader, UnitReporter, Staff, Specialist, OfficeHead, CouncilSecretary];
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Anyone who works in the admin area: administrators, editors, leaders.</summary>
    public const string AdminArea = nameof(AdminArea);

    /// <summary>Publishes campaigns, news, documents and honorees.</summary>
    public const string CanPublish = nameof(CanPublish);

    /// <summary>Runs users, units and settings.</summary>
    public const string CanAdminister = nameof(CanAdminister);

    /// <summary>Reads the leaders' dashboard (/bao-cao) and its exports: leaders, editors, administrators.</summary>
    public const string CanReview = nameof(CanReview);

    /// <summary>Registers a unit and submits its reports: unit reporters (each for their own unit only).</summary>
    public const string CanReportForUnit = nameof(CanReportForUnit);

    /// <summary>Works on units' proposals in the admin area: the Office, specialists, the Office head, the council secretary, leaders.</summary>
    public const string CanHandleProposals = nameof(CanHandleProposals);

    /// <summary>Runs council sessions: the council secretary (and the Office head).</summary>
    public const string CanRunCouncil = nameof(CanRunCouncil);

    /// <summary>Drafts, issues and cancels decisions: leaders (the Office drafts too).</summary>
    public const string CanDecide = nameof(CanDecide);

    /// <summary>Sets award types' steps, rules, certificate layouts and the council's members: administrators and the Office head.</summary>
    public const string CanConfigureAwards = nameof(CanConfigureAwards);
}

/// <summary>Claim types the portal adds to a signed-in user.</summary>
public static class PortalClaims
{
    public const string PasswordChangeRequired = "portal:must_change_password";
    public const string DisplayName = "portal:display_name";
}
