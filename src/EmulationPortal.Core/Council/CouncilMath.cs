namespace EmulationPortal.Council;

/// <summary>
/// The council's arithmetic in integers only, so "exactly two thirds" and "exactly the threshold" are exact: a fraction
/// num/den of a count is met when <c>count × den ≥ num × whole</c>.
/// </summary>
public static class CouncilMath
{
    /// <summary>Quorum: present × den ≥ num × members. A session without members never has a quorum.</summary>
    public static bool HasQuorum(int present, int members, int numerator, int denominator) =>
        members > 0 && present >= 0 && denominator > 0 && (long)present * denominator >= (long)numerator * members;

    /// <summary>The smallest number of members present that makes the quorum (for the status line).</summary>
    public static int QuorumNeeded(int members, int numerator, int denominator) =>
        denominator <= 0 ? members : (int)Math.Min(members, ((long)numerator * members + denominator - 1) / denominator);

    /// <summary>The number the threshold is a share of: members present or all members, per the award type.</summary>
    public static int ThresholdBasis(ThresholdBase basis, int present, int members) =>
        basis == ThresholdBase.AllMembers ? members : present;

    /// <summary>A nominee passes when agree × den ≥ num × basis; never with no basis or no agreeing vote.</summary>
    public static bool Passes(int agree, int basis, int numerator, int denominator) =>
        basis > 0 && agree > 0 && denominator > 0 && (long)agree * denominator >= (long)numerator * basis;

    /// <summary>Paper tallies are possible: each count ≥ 0 and their sum at most the members present.</summary>
    public static bool TalliesFit(int agree, int disagree, int invalid, int present) =>
        agree >= 0 && disagree >= 0 && invalid >= 0 && (long)agree + disagree + invalid <= present;
}
