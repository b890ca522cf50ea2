using EmulationPortal.Common;

namespace EmulationPortal.Proposals;

/// <summary>Agency-wide settings of proposals and the council (one row, id 1).</summary>
public class ProposalSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int Version { get; set; }

    /// <summary>Quorum: present members ≥ numerator / denominator of all members (default two thirds). A fraction, so "exactly 2/3" is exact.</summary>
    public int QuorumNumerator { get; set; } = 2;

    public int QuorumDenominator { get; set; } = 3;

    /// <summary>Working days a consultation list stays published.</summary>
    public int ConsultationWorkingDays { get; set; } = 5;

    /// <summary>The place on decisions' date lines.</summary>
    public string DecisionPlace { get; set; } = string.Empty;

    /// <summary>Who decides department-level awards ("Giám đốc Sở").</summary>
    public string DecidedBy { get; set; } = "Giám đốc Sở";

    /// <summary>The symbol after the number of a decision ("QĐ-STTTT").</summary>
    public string DecisionSymbol { get; set; } = "QĐ";
}
