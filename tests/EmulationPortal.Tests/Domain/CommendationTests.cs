using EmulationPortal.Honors;
using EmulationPortal.Organisation;

namespace EmulationPortal.Tests.Domain;

public sealed class CommendationTests
{
    private static AwardType Award(RecipientKind kind, string name) => new() { Id = 7, Name = name, RecipientKind = kind };

    private static StaffMember Person() => new() { Id = 3, FullName = "Nguyễn Thị Ánh", UnitId = 5 };

    private static Unit UnitOf() => new() { Id = 5, Name = "Văn phòng Sở" };

    [Fact]
    public void AwardTo_WhenIndividualAwardGivenToUnit_ThrowsRecipientMismatch()
    {
        var commendation = new Commendation();

        var error = Assert.Throws<RecipientMismatchException>(() => commendation.AwardTo(Award(RecipientKind.Individual, "Chiến sĩ thi đua cơ sở"), UnitOf()));

        Assert.Equal("Chiến sĩ thi đua cơ sở", error.AwardTypeName);
        Assert.Equal(RecipientKind.Collective, error.Recipient);
        Assert.Null(commendation.UnitId);
        Assert.Null(commendation.AwardType);
    }

    [Fact]
    public void AwardTo_WhenCollectiveAwardGivenToPerson_ThrowsRecipientMismatch()
    {
        var commendation = new Commendation();

        var error = Assert.Throws<RecipientMismatchException>(() => commendation.AwardTo(Award(RecipientKind.Collective, "Tập thể lao động xuất sắc"), Person()));

        Assert.Equal(RecipientKind.Individual, error.Recipient);
        Assert.Null(commendation.StaffMemberId);
    }

    [Fact]
    public void AwardTo_WhenAwardAcceptsBoth_TakesAPerson()
    {
        var commendation = new Commendation();

        commendation.AwardTo(Award(RecipientKind.Both, "Giấy khen"), Person());

        Assert.Equal(RecipientKind.Individual, commendation.RecipientKind);
        Assert.Equal(3, commendation.StaffMemberId);
        Assert.Null(commendation.UnitId);
        Assert.Equal(7, commendation.AwardTypeId);
    }

    [Fact]
    public void AwardTo_WhenAwardAcceptsBoth_TakesAUnit()
    {
        var commendation = new Commendation();

        commendation.AwardTo(Award(RecipientKind.Both, "Bằng khen"), UnitOf());

        Assert.Equal(RecipientKind.Collective, commendation.RecipientKind);
        Assert.Equal(5, commendation.UnitId);
        Assert.Null(commendation.StaffMemberId);
    }

    [Fact]
    public void AwardTo_WhenRecipientChangesFromPersonToUnit_ClearsThePerson()
    {
        var commendation = new Commendation();
        var award = Award(RecipientKind.Both, "Giấy khen");
        commendation.AwardTo(award, Person());

        commendation.AwardTo(award, UnitOf());

        Assert.Null(commendation.StaffMember);
        Assert.Null(commendation.StaffMemberId);
        Assert.Equal(5, commendation.UnitId);
    }

    [Fact]
    public void AwardTo_WhenIndividualAwardGivenToPerson_SetsIndividualRecipient()
    {
        var commendation = new Commendation();

        commendation.AwardTo(Award(RecipientKind.Individual, "Lao động tiên tiến"), Person());

        Assert.Equal(RecipientKind.Individual, commendation.RecipientKind);
        Assert.Equal(3, commendation.StaffMemberId);
    }
}
