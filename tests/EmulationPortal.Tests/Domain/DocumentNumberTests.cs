using EmulationPortal.Documents;

namespace EmulationPortal.Tests.Domain;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("93/KH-UBND")]
    [InlineData("163/QĐ-UBND")]
    [InlineData("31/2020/QĐ-UBND")]
    [InlineData("148/TTr-SLĐTBXH")]
    [InlineData("19/CT-TTg")]
    [InlineData("34-CT/TW")]
    [InlineData("06/2022/QH15")]
    [InlineData("424/SGDĐT-TĐKT")]
    public void IsValid_WhenNumberFollowsDecree30Format_ReturnsTrue(string number) =>
        Assert.True(DocumentNumber.IsValid(number), number);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("93")]
    [InlineData("/KH")]
    [InlineData("93/")]
    [InlineData("93/KH UBND<script>")]
    [InlineData("93/KH-UBND'; DROP TABLE Documents;--")]
    public void IsValid_WhenNotADocumentNumber_ReturnsFalse(string? number) =>
        Assert.False(DocumentNumber.IsValid(number), number);

    [Fact]
    public void IsValid_WhenLongerThan64Characters_ReturnsFalse()
    {
        var tooLong = "1/" + new string('A', 63);
        Assert.Equal(65, tooLong.Length);

        Assert.False(DocumentNumber.IsValid(tooLong));
    }

    [Fact]
    public void IsValid_WhenExactly64Characters_ReturnsTrue()
    {
        var longest = "1/" + new string('A', 62);
        Assert.Equal(DocumentNumber.MaxLength, longest.Length);

        Assert.True(DocumentNumber.IsValid(longest));
    }

    [Fact]
    public void IsValid_WhenTypedWithSpaces_AcceptsNormalizedNumber() =>
        Assert.True(DocumentNumber.IsValid(" 93 / KH-UBND "));

    [Theory]
    [InlineData("31/2020/QĐ-UBND", 2020)]
    [InlineData("06/2022/QH15", 2022)]
    [InlineData("93/KH-UBND", null)]
    [InlineData("34-CT/TW", null)]
    public void YearIn_WhenNumberCarriesAYear_ReturnsIt(string number, int? expected) =>
        Assert.Equal(expected, DocumentNumber.YearIn(number));
}
