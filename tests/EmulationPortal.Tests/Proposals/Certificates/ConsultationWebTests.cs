using System.Globalization;
using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Proposals.Certificates;

/// <summary>The public consultation through the real app: the Office opens it, the public page lists each nominee with a feedback link.</summary>
public sealed class ConsultationWebTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private string Today => factory.Services.GetRequiredService<PortalClock>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, string title, IEnumerable<int> nomineeIds)
    {
        var page = await client.GetStringAsync(new Uri("/Admin/Consultations", UriKind.Relative));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Title", title),
            new("StartsOn", Today),
            new("__RequestVerificationToken", Html.AntiforgeryToken(page)),
        };
        fields.AddRange(nomineeIds.Select(id => new KeyValuePair<string, string>("NomineeIds", id.ToString(CultureInfo.InvariantCulture))));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/Admin/Consultations/Open", UriKind.Relative), content);
    }

    [Fact]
    public async Task OfficeOpensAConsultation_ThePublicPageListsTheNomineeWithAFeedbackLink_ThatRemembersTheNominee()
    {
        var seeded = await factory.WithDbAsync(db => CertificateTestData.ConsultationProposalAsync(db, ["Hoàng Thị Lấy Ý Kiến"]));
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var opened = await OpenAsync(editor, "Lấy ý kiến danh sách đề nghị khen thưởng năm 2026", seeded.NomineeIds);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        using var anonymous = factory.CreateBrowserlikeClient();
        var listing = Html.Text(await anonymous.GetStringAsync(new Uri("/lay-y-kien", UriKind.Relative)));
        Assert.Contains("Hoàng Thị Lấy Ý Kiến", listing, StringComparison.Ordinal);
        Assert.Contains("Lấy ý kiến danh sách đề nghị khen thưởng năm 2026", listing, StringComparison.Ordinal);
        Assert.Contains("sáng kiến “Hoàng Thị Lấy Ý Kiến” được công nhận", listing, StringComparison.Ordinal);
        var link = $"/phan-anh?ung-vien={seeded.NomineeIds[0]}";
        Assert.Contains($"href=\"{link}\"", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Khác", listing, StringComparison.Ordinal);

        var form = await anonymous.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.Contains("Hoàng Thị Lấy Ý Kiến", Html.Text(form), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Category"] = "Award",
            ["Subject"] = "Ý kiến về một trường hợp",
            ["Text"] = "Thành tích nêu trong danh sách chưa đúng với thực tế.",
            ["IsAnonymous"] = "true",
            ["NomineeId"] = seeded.NomineeIds[0].ToString(CultureInfo.InvariantCulture),
        };
        using var sent = await TestUsers.PostFormAsync(anonymous, link, "/phan-anh", fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Feedbacks.AnyAsync(f => f.NomineeId == seeded.NomineeIds[0] && f.Text.StartsWith("Thành tích nêu"))));
    }

    [Fact]
    public async Task OpeningWithoutNominees_Is400WithAVietnameseMessage_AndKeepsTheTitle()
    {
        await factory.WithDbAsync(db => CertificateTestData.ConsultationProposalAsync(db, ["Vũ Văn Chờ"]));
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Consultations.CountAsync());

        using var response = await OpenAsync(editor, "Đợt không chọn ai", []);
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chọn ít nhất một trường hợp.", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Đợt không chọn ai\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Consultations.CountAsync()));
    }

    [Fact]
    public async Task FeedbackForAnUnlistedNominee_Is400AndKeepsTheText()
    {
        var seeded = await factory.WithDbAsync(db => CertificateTestData.ConsultationProposalAsync(db, ["Đinh Văn Chưa Công Khai"]));
        using var anonymous = factory.CreateBrowserlikeClient();
        var fields = new Dictionary<string, string>
        {
            ["Category"] = "Award",
            ["Text"] = "Nội dung phản ánh cần giữ lại",
            ["IsAnonymous"] = "true",
            ["NomineeId"] = seeded.NomineeIds[0].ToString(CultureInfo.InvariantCulture),
        };

        using var response = await TestUsers.PostFormAsync(anonymous, "/phan-anh", "/phan-anh", fields);
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Trường hợp này không còn trong danh sách đang lấy ý kiến", body, StringComparison.Ordinal);
        Assert.Contains("Nội dung phản ánh cần giữ lại", body, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Feedbacks.AnyAsync(f => f.NomineeId == seeded.NomineeIds[0])));
    }

    [Fact]
    public async Task UnitReporter_CannotOpenTheConsultationsPage()
    {
        using var reporter = await TestUsers.SignedInClientAsync(factory, Roles.UnitReporter);

        using var response = await reporter.GetAsync(new Uri("/Admin/Consultations", UriKind.Relative));

        await Admin.HonorsTestHelpers.AssertForbiddenAsync(reporter, response);
    }
}
