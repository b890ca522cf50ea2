using EmulationPortal.Campaigns;
using EmulationPortal.Council;
using EmulationPortal.Decisions;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Resources;

/// <summary>
/// Resource keys that views build from values instead of writing them literally. Every other key is written out
/// as a string literal (the localizer indexer in views and C#, ErrorMessage and Display Name in attributes), so a
/// test can collect the literals, add <see cref="AllEnumKeys"/>, and check each one exists in SharedResource.resx.
/// </summary>
public static class ResourceKeys
{
    /// <summary>The enums whose values are shown to users, each value under the key "EnumName.Value".</summary>
    public static IReadOnlyList<Type> LocalizedEnums { get; } =
    [
        typeof(CampaignKind), typeof(CampaignScope), typeof(CampaignState), typeof(RecipientKind),
        typeof(ProposalKind), typeof(ProposalStatus), typeof(NomineeOutcome), typeof(ProposalDocumentKind), typeof(ProposalAction),
        typeof(ProposalSteps), typeof(RequiredDocuments), typeof(AwardRuleKind), typeof(RuleSeverity), typeof(CapScope),
        typeof(CouncilRole), typeof(CouncilSessionStatus), typeof(VotingMode), typeof(ThresholdBase), typeof(AgendaResult),
        typeof(DecisionStatus),
    ];

    /// <summary>"CampaignState.Running", "RecipientKind.Collective", …</summary>
    public static string For<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"{typeof(TEnum).Name}.{value}";

    /// <summary>Every key <see cref="For{TEnum}"/> can produce.</summary>
    public static IEnumerable<string> AllEnumKeys() =>
        LocalizedEnums.SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"));
}
