using System.Text;
using EmulationPortal.Common;

namespace EmulationPortal.Tests.Domain;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đổi mới sáng tạo", "doi-moi-sang-tao")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Cả nước thi đua xây dựng nông thôn mới", "ca-nuoc-thi-dua-xay-dung-nong-thon-moi")]
    public void Slugify_WhenGivenVietnameseTitle_ReturnsAsciiDashedSlug(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Theory]
    [InlineData("Đường đua", "duong-dua")]
    [InlineData("ĐOÀN KẾT", "doan-ket")]
    [InlineData("đđĐĐ", "dddd")]
    public void Slugify_WhenTitleHasDStroke_WritesPlainD(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Fact]
    public void Slugify_WhenInputIsDecomposed_EqualsSlugOfComposedInput()
    {
        var composed = "Thi đua yêu nước – Khen thưởng";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        Assert.Equal("thi-dua-yeu-nuoc-khen-thuong", VietnameseText.Slugify(decomposed));
        Assert.Equal(VietnameseText.Slugify(composed), VietnameseText.Slugify(decomposed));
    }

    [Theory]
    [InlineData("Thi đua – khen thưởng: năm 2022!", "thi-dua-khen-thuong-nam-2022")]
    [InlineData("  --Xin chào!!  ", "xin-chao")]
    [InlineData("Kế hoạch số 93/KH-UBND (12/04/2022)", "ke-hoach-so-93-kh-ubnd-12-04-2022")]
    [InlineData("\"Dân vận khéo\"", "dan-van-kheo")]
    public void Slugify_WhenTitleHasPunctuation_CollapsesItToSingleDashes(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("–!?")]
    public void Slugify_WhenNothingSluggable_ReturnsEmpty(string? title) =>
        Assert.Equal(string.Empty, VietnameseText.Slugify(title));

    [Fact]
    public void Slugify_WhenLongerThanMaxLength_CutsWithoutTrailingDash()
    {
        var slug = VietnameseText.Slugify("Đổi mới sáng tạo", maxLength: 8);

        Assert.Equal("doi-moi", slug);
    }

    [Fact]
    public void Slugify_WhenVeryLongTitle_KeepsDefaultMaximumOf120()
    {
        var title = string.Join(' ', Enumerable.Repeat("Phong trào thi đua", 40));

        var slug = VietnameseText.Slugify(title);

        Assert.True(slug.Length <= 120, $"length {slug.Length}");
        Assert.StartsWith("phong-trao-thi-dua-phong-trao", slug, StringComparison.Ordinal);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("Đổi Mới Sáng Tạo", "doi moi sang tao")]
    [InlineData("NGUYỄN THỊ ÁNH", "nguyen thi anh")]
    [InlineData("Trường học ưu tú", "truong hoc uu tu")]
    [InlineData("Đ", "d")]
    [InlineData("ỗ", "o")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_WhenGivenVietnamese_RemovesMarksAndLowercases(string? value, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(value));

    [Fact]
    public void Fold_WhenInputIsDecomposed_GivesSameResultAsComposed()
    {
        var composed = "Hồ Chí Minh";
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(composed.Normalize(NormalizationForm.FormD)));
        Assert.Equal("ho chi minh", VietnameseText.Fold(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void NameSortKey_WhenSortingFullNames_OrdersByGivenNameInVietnameseCollation()
    {
        string[] names = ["Trần Văn Đức", "Lê Thị Dũng", "Nguyễn Thị Ánh", "Phạm Yến"];

        var sorted = names.OrderBy(VietnameseText.NameSortKey, ByteKeyComparer.Instance).ToArray();

        Assert.Equal(["Nguyễn Thị Ánh", "Lê Thị Dũng", "Trần Văn Đức", "Phạm Yến"], sorted);
    }

    [Fact]
    public void NameSortKey_WhenSameGivenName_OrdersByFamilyName()
    {
        string[] names = ["Trần Thị Hà", "Lê Văn Hà", "Đỗ Hà"];

        var sorted = names.OrderBy(VietnameseText.NameSortKey, ByteKeyComparer.Instance).ToArray();

        Assert.Equal(["Đỗ Hà", "Lê Văn Hà", "Trần Thị Hà"], sorted);
    }

    [Fact]
    public void NameSortKey_WhenNameIsDecomposedOrPadded_EqualsKeyOfCleanName()
    {
        var clean = VietnameseText.NameSortKey("Nguyễn Thị Ánh");
        var messy = VietnameseText.NameSortKey("  " + "Nguyễn Thị Ánh".Normalize(NormalizationForm.FormD) + " ");

        Assert.Equal(clean, messy);
    }

    private sealed class ByteKeyComparer : IComparer<byte[]>
    {
        public static readonly ByteKeyComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
