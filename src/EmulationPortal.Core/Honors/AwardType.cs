using EmulationPortal.Common;

namespace EmulationPortal.Honors;

/// <summary>Danh hiệu thi đua (earned yearly) or hình thức khen thưởng (Giấy khen, Bằng khen, …).</summary>
public enum AwardCategory
{
    EmulationTitle = 0,
    CommendationForm = 1,
}

/// <summary>Cá nhân or tập thể; an award type may allow both.</summary>
public enum RecipientKind
{
    Individual = 0,
    Collective = 1,
    Both = 2,
}

/// <summary>The level of the authority that grants it.</summary>
public enum AwardLevel
{
    Department = 0,
    Provincial = 1,
    Ministerial = 2,
    National = 3,
}

/// <summary>An entry of the editable catalogue of titles and forms (Law 06/2022/QH15).</summary>
public class AwardType : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public AwardCategory Category { get; set; }

    public RecipientKind RecipientKind { get; set; }

    public AwardLevel Level { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The optional steps a proposal for it goes through (appraisal, council, consultation).</summary>
    public Proposals.ProposalSteps Steps { get; set; }

    /// <summary>The dossier papers required before a proposal for it can be submitted.</summary>
    public Proposals.RequiredDocuments RequiredDocuments { get; set; }

    /// <summary>The council passes a nominee when agreeing votes ≥ numerator / denominator of <see cref="ThresholdBase"/>.</summary>
    public int ThresholdNumerator { get; set; } = 1;

    public int ThresholdDenominator { get; set; } = 2;

    public Council.ThresholdBase ThresholdBase { get; set; }

    public bool Accepts(RecipientKind recipient) =>
        recipient != RecipientKind.Both && (RecipientKind == RecipientKind.Both || RecipientKind == recipient);
}
