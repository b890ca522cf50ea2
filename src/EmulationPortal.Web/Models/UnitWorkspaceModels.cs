using EmulationPortal.Participation;

namespace EmulationPortal.Web.Models;

/// <summary>The "Đăng ký thi đua" form of a unit: commitments and a target per indicator id (typed text, parsed by the service).</summary>
public sealed class UnitRegistrationForm
{
    public int Version { get; set; }

    public string? Commitments { get; set; }

    public Dictionary<int, string?> Targets { get; set; } = [];
}

/// <summary>The "Gửi báo cáo" form: narrative, a figure per indicator id, new attachments.</summary>
public sealed class UnitReportForm
{
    public int Version { get; set; }

    public string? Narrative { get; set; }

    public Dictionary<int, string?> Values { get; set; } = [];

    public List<IFormFile> Files { get; set; } = [];
}

public sealed record UnitWorkspaceViewModel(string UnitName, IReadOnlyList<WorkspaceCampaign> Campaigns);

public sealed record UnitCampaignViewModel(string UnitName, WorkspaceCampaignDetail Campaign);

public sealed record UnitRegistrationViewModel(string UnitName, WorkspaceCampaignDetail Campaign, UnitRegistrationForm Form);

public sealed record UnitReportViewModel(string UnitName, ReportFormData Round, UnitReportForm Form, long MaxFileMegabytes);

/// <summary>The "Đăng ký thi đua cá nhân" form on a campaign page: the campaign it was opened for, commitments, a target per indicator id.</summary>
public sealed class PersonalRegistrationForm
{
    public int CampaignId { get; set; }

    public int Version { get; set; }

    public string? Commitments { get; set; }

    public Dictionary<int, string?> Targets { get; set; } = [];
}

/// <summary>The personal registration section of a campaign page; <see cref="IsSignedIn"/> false shows the sign-in link.</summary>
public sealed record PersonalRegistrationViewModel(PersonalRegistrationPanel Panel, bool IsSignedIn, PersonalRegistrationForm Form, bool ShowForm);
