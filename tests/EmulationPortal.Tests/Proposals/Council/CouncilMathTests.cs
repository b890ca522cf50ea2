using EmulationPortal.Council;

namespace EmulationPortal.Tests.Proposals.Council;

/// <summary>Quorum and threshold arithmetic at the boundaries, in integers ("exactly two thirds" is exact).</summary>
public sealed class CouncilMathTests
{
    [Theory]
    [InlineData(6, 9, true)]
    [InlineData(5, 9, false)]
    [InlineData(2, 3, true)]
    [InlineData(1, 3, false)]
    [InlineData(9, 9, true)]
    [InlineData(0, 0, false)]
    public void Quorum_TwoThirds_IsMetExactlyAtTwoThirds(int present, int members, bool expected) =>
        Assert.Equal(expected, CouncilMath.HasQuorum(present, members, 2, 3));

    [Theory]
    [InlineData(9, 6)]
    [InlineData(3, 2)]
    [InlineData(10, 7)]
    [InlineData(7, 5)]
    public void QuorumNeeded_IsTheSmallestCountThatMeetsIt(int members, int needed)
    {
        Assert.Equal(needed, CouncilMath.QuorumNeeded(members, 2, 3));
        Assert.True(CouncilMath.HasQuorum(needed, members, 2, 3));
        Assert.False(CouncilMath.HasQuorum(needed - 1, members, 2, 3));
    }

    [Theory]
    [InlineData(4, 8, true)] // exactly one half
    [InlineData(3, 8, false)]
    [InlineData(4, 7, true)]
    [InlineData(3, 7, false)]
    public void Threshold_OneHalf_PassesExactlyAtTheThreshold(int agree, int basis, bool expected) =>
        Assert.Equal(expected, CouncilMath.Passes(agree, basis, 1, 2));

    [Theory]
    [InlineData(6, 9, true)] // exactly two thirds
    [InlineData(5, 9, false)]
    [InlineData(4, 6, true)]
    [InlineData(3, 6, false)]
    public void Threshold_TwoThirds_PassesExactlyAtTheThreshold(int agree, int basis, bool expected) =>
        Assert.Equal(expected, CouncilMath.Passes(agree, basis, 2, 3));

    [Fact]
    public void ThresholdBasis_PresentOrAllMembers_ChangesTheOutcome()
    {
        // Five agree of six present out of nine members, two thirds required.
        Assert.Equal(6, CouncilMath.ThresholdBasis(ThresholdBase.MembersPresent, 6, 9));
        Assert.Equal(9, CouncilMath.ThresholdBasis(ThresholdBase.AllMembers, 6, 9));
        Assert.True(CouncilMath.Passes(5, CouncilMath.ThresholdBasis(ThresholdBase.MembersPresent, 6, 9), 2, 3));
        Assert.False(CouncilMath.Passes(5, CouncilMath.ThresholdBasis(ThresholdBase.AllMembers, 6, 9), 2, 3));
    }

    [Fact]
    public void Passes_NeverWithoutVotesOrBasis()
    {
        Assert.False(CouncilMath.Passes(0, 0, 0, 2));
        Assert.False(CouncilMath.Passes(3, 0, 1, 2));
    }

    [Theory]
    [InlineData(4, 2, 0, 6, true)]
    [InlineData(4, 2, 1, 6, false)]
    [InlineData(-1, 2, 0, 6, false)]
    [InlineData(0, 0, 0, 0, true)]
    public void Tallies_FitOnlyWithinMembersPresent(int agree, int disagree, int invalid, int present, bool expected) =>
        Assert.Equal(expected, CouncilMath.TalliesFit(agree, disagree, invalid, present));
}
