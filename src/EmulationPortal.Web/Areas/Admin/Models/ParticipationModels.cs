using EmulationPortal.Common;
using EmulationPortal.Participation;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>The participation settings form of a campaign.</summary>
public sealed class ParticipationSettingsForm
{
    public int Version { get; set; }

    public bool RegistrationExpected { get; set; }

    public DateOnly? RegistrationDeadline { get; set; }

    public bool AllowsPersonalRegistration { get; set; }

    public List<int> ExpectedUnitIds { get; set; } = [];
}

/// <summary>An indicator (chỉ tiêu) of a campaign.</summary>
public sealed class IndicatorForm
{
    public int Version { get; set; }

    public string? Name { get; set; }

    public string? MeasureUnit { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A report round (đợt báo cáo) of a campaign.</summary>
public sealed class RoundForm
{
    public int Version { get; set; }

    public string? Name { get; set; }

    public ReportKind Kind { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>The Office's correction of a registration: commitments and targets per indicator id.</summary>
public sealed class RegistrationEditForm
{
    public int Version { get; set; }

    public string? Commitments { get; set; }

    public Dictionary<int, string?> Targets { get; set; } = [];
}

public sealed record ParticipationIndexViewModel(PagedList<ParticipationCampaignRow> List, AdminPager Pager);

public sealed record ParticipationCampaignViewModel(ParticipationOverview Overview, ParticipationSettingsForm Settings);

/// <summary>What an indicator or round form page shows around the form.</summary>
public sealed record ParticipationFormPage(int CampaignId, string CampaignTitle, DateOnly StartsOn, int? Id);

public sealed record RegistrationEditPage(RegistrationEditData Data);

/// <summary>One row of a participation form (partial _Field).</summary>
public sealed record ParticipationFieldModel(
    string Name, string Label, string? Value, bool Required, string Type = "text", int? MaxLength = null, string? Min = null, string? Help = null);
