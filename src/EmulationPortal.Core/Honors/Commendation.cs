using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Organisation;

namespace EmulationPortal.Honors;

/// <summary>A title or form granted to one staff member or one unit by a decision (quyết định khen thưởng).</summary>
public class Commendation : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int AwardTypeId { get; set; }

    public AwardType? AwardType { get; set; }

    /// <summary>Individual (a staff member) or Collective (a unit); never Both.</summary>
    public RecipientKind RecipientKind { get; private set; }

    public int? StaffMemberId { get; private set; }

    public StaffMember? StaffMember { get; private set; }

    public int? UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    public int Year { get; set; }

    public string DecisionNumber { get; set; } = string.Empty;

    public DateOnly DecidedOn { get; set; }

    /// <summary>The authority that decided: "Giám đốc Sở", "Chủ tịch UBND tỉnh".</summary>
    public string DecidedBy { get; set; } = string.Empty;

    /// <summary>Thành tích: the achievement cited.</summary>
    public string Achievement { get; set; } = string.Empty;

    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int? FieldId { get; set; }

    public Field? Field { get; set; }

    /// <summary>Gương điển hình tiên tiến / người tốt, việc tốt: shown as a story.</summary>
    public bool IsFeatured { get; set; }

    /// <summary>Sanitized HTML of the featured story.</summary>
    public string Story { get; set; } = string.Empty;

    public int? PhotoId { get; set; }

    public StoredFile? Photo { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The decision of the proposal workflow that granted it; null when honored directly from the admin area.</summary>
    public int? AwardDecisionId { get; set; }

    public Decisions.AwardDecision? AwardDecision { get; set; }

    /// <summary>Sets the recipient after checking it matches the award type's recipient kind.</summary>
    public void AwardTo(AwardType awardType, StaffMember person)
    {
        ArgumentNullException.ThrowIfNull(awardType);
        ArgumentNullException.ThrowIfNull(person);
        EnsureAccepts(awardType, RecipientKind.Individual);
        AwardType = awardType;
        AwardTypeId = awardType.Id;
        RecipientKind = RecipientKind.Individual;
        StaffMember = person;
        StaffMemberId = person.Id == 0 ? null : person.Id;
        Unit = null;
        UnitId = null;
    }

    /// <summary>Sets a collective recipient after checking it matches the award type's recipient kind.</summary>
    public void AwardTo(AwardType awardType, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(awardType);
        ArgumentNullException.ThrowIfNull(unit);
        EnsureAccepts(awardType, RecipientKind.Collective);
        AwardType = awardType;
        AwardTypeId = awardType.Id;
        RecipientKind = RecipientKind.Collective;
        Unit = unit;
        UnitId = unit.Id == 0 ? null : unit.Id;
        StaffMember = null;
        StaffMemberId = null;
    }

    private static void EnsureAccepts(AwardType awardType, RecipientKind recipient)
    {
        if (!awardType.Accepts(recipient))
        {
            throw new RecipientMismatchException(awardType.Name, recipient);
        }
    }
}

/// <summary>Thrown when an award type is given to the wrong kind of recipient (a unit's title to a person).</summary>
public sealed class RecipientMismatchException : InvalidOperationException
{
    public RecipientMismatchException(string awardTypeName, RecipientKind recipient)
        : base($"Award type '{awardTypeName}' cannot be given to a recipient of kind {recipient}.")
    {
        AwardTypeName = awardTypeName;
        Recipient = recipient;
    }

    public RecipientMismatchException()
    {
        AwardTypeName = string.Empty;
    }

    public RecipientMismatchException(string message)
        : base(message)
    {
        AwardTypeName = string.Empty;
    }

    public RecipientMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        AwardTypeName = string.Empty;
    }

    public string AwardTypeName { get; }

    public RecipientKind Recipient { get; }
}
