using System.Net;
using System.Text;
using EmulationPortal.Accounts;
using EmulationPortal.Certificates;
using EmulationPortal.Decisions;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace EmulationPortal.Tests.Proposals.Certificates;

/// <summary>Certificates through the real app: printing by a leader, the public verification page, the layouts' validation, roles.</summary>
public sealed class CertificatesWebTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private Task<SeededDecision> DecisionAsync(IReadOnlyList<string> names, DecisionStatus status = DecisionStatus.Issued) =>
        factory.WithDbAsync(async db => await CertificateTestData.DecisionAsync(db, await CertificateTestData.AwardTypeAsync(db, "Giấy khen"), 2026, names, status));

    private async Task<IReadOnlyList<Certificate>> CertificatesOfAsync(SeededDecision decision) =>
        await factory.WithDbAsync(async db => (IReadOnlyList<Certificate>)await db.Certificates.AsNoTracking()
            .Where(c => c.CommendationId != null && decision.CommendationIds.Contains(c.CommendationId.Value)).OrderBy(c => c.SequenceNumber).ToListAsync());

    [Fact]
    public async Task Leader_IssuesAndPrintsTheBatch_AndEveryCodeInItVerifiesPublicly()
    {
        var decision = await DecisionAsync(["Nguyễn Thị Ánh", "Trần Văn Bình"]);
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var page = $"/Admin/Certificates/Decision/{decision.DecisionId}";

        using var issued = await TestUsers.PostFormAsync(leader, page, $"/Admin/Certificates/Issue/{decision.DecisionId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var certificates = await CertificatesOfAsync(decision);
        Assert.Equal([1, 2], certificates.Select(c => c.SequenceNumber));

        using var batch = await leader.GetAsync(new Uri($"/Admin/Certificates/Batch/{decision.DecisionId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal("application/pdf", batch.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await batch.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => p.Text.Normalize(NormalizationForm.FormC)).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("Nguyễn Thị Ánh", pages[0], StringComparison.Ordinal);
        Assert.Contains("Trần Văn Bình", pages[1], StringComparison.Ordinal);

        // The page prints the code under the QR code; the QR code holds the verification address of that code.
        using var anonymous = factory.CreateBrowserlikeClient();
        foreach (var (certificate, text) in certificates.Zip(pages))
        {
            Assert.Contains(certificate.Code, text, StringComparison.Ordinal);
            using var verified = await anonymous.GetAsync(new Uri($"/xac-thuc/{certificate.Code}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }
    }

    [Fact]
    public async Task VerificationPage_ShowsTheNameDecisionNumberAndDate_AndIsNeverCached()
    {
        var decision = await DecisionAsync(["Lê Thị Hồng Nhung"]);
        await factory.WithDbAsync(async db => await new CertificateService(db, CertificateTestData.Clock(DateTimeOffset.UtcNow)).IssueForDecisionAsync(decision.DecisionId));
        var code = (await CertificatesOfAsync(decision)).Single().Code;
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/xac-thuc/{code}", UriKind.Relative));
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lê Thị Hồng Nhung", body, StringComparison.Ordinal);
        Assert.Contains(decision.Number, body, StringComparison.Ordinal);
        Assert.Contains("15/12/2026", body, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng nhận hợp lệ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("đã bị hủy", body, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationPage_ForACancelledDecision_SaysSoClearly()
    {
        var decision = await DecisionAsync(["Phan Văn Hủy"]);
        await factory.WithDbAsync(async db => await new CertificateService(db, CertificateTestData.Clock(DateTimeOffset.UtcNow)).IssueForDecisionAsync(decision.DecisionId));
        await factory.WithDbAsync(db => db.AwardDecisions.Where(d => d.Id == decision.DecisionId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DecisionStatus.Cancelled).SetProperty(d => d.CancelledAt, new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc))));
        var code = (await CertificatesOfAsync(decision)).Single().Code;
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/xac-thuc/{code}", UriKind.Relative));
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Quyết định khen thưởng đã bị hủy", body, StringComparison.Ordinal);
        Assert.Contains($"Quyết định số {decision.Number} đã bị hủy ngày 05/01/2027", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Giấy chứng nhận hợp lệ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/xac-thuc/abcdefghjkmn")]
    [InlineData("/xac-thuc/khong-co-ma-nay")]
    [InlineData("/xac-thuc/%3Cscript%3E")]
    [InlineData("/xac-thuc?ma=abc%20def")]
    public async Task VerificationPage_UnknownOrMalformedCode_Is404SayingTheCodeDoesNotExist(string path)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Mã xác thực không tồn tại", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Html.AssertNoStackTrace(body);
    }

    [Fact]
    public async Task VerificationForm_GoesToTheCodesPage()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var form = await client.GetAsync(new Uri("/xac-thuc", UriKind.Relative));
        using var redirect = await client.GetAsync(new Uri("/xac-thuc?ma=%20ABCDEFGHJKMN%20", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"ma\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/xac-thuc/abcdefghjkmn", redirect.Headers.Location?.ToString());
    }

    [Fact]
    public async Task IssuingForADraftDecision_IsNotFound_AndIssuesNothing()
    {
        var decision = await DecisionAsync(["Đỗ Văn Nháp"], DecisionStatus.Draft);
        // A draft is not listed; an issued decision's page gives the form's token.
        var listed = await DecisionAsync(["Đỗ Văn Có"]);
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var response = await TestUsers.PostFormAsync(
            editor, $"/Admin/Certificates/Decision/{listed.DecisionId}", $"/Admin/Certificates/Issue/{decision.DecisionId}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await CertificatesOfAsync(decision));
    }

    [Fact]
    public async Task IssuingForACancelledDecision_Is409WithAVietnameseMessage_AndIssuesNothing()
    {
        var decision = await DecisionAsync(["Đỗ Văn Hủy"], DecisionStatus.Cancelled);
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var response = await TestUsers.PostFormAsync(
            editor, $"/Admin/Certificates/Decision/{decision.DecisionId}", $"/Admin/Certificates/Issue/{decision.DecisionId}", new Dictionary<string, string>());
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Quyết định chưa được ban hành hoặc đã bị hủy", body, StringComparison.Ordinal);
        Assert.Empty(await CertificatesOfAsync(decision));
    }

    [Fact]
    public async Task CertificatesPage_ListsIssuedDecisionsWithProgress_AndLayoutsPageListsTheDefault()
    {
        var decision = await DecisionAsync(["Mai Văn Chờ In", "Mai Thị Chờ In"]);
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        using var head = await TestUsers.SignedInClientAsync(factory, Roles.OfficeHead);

        var certificates = Html.Text(await leader.GetStringAsync(new Uri("/Admin/Certificates", UriKind.Relative)));
        var decisionPage = Html.Text(await leader.GetStringAsync(new Uri($"/Admin/Certificates/Decision/{decision.DecisionId}", UriKind.Relative)));
        var layouts = Html.Text(await head.GetStringAsync(new Uri("/Admin/CertificateLayouts", UriKind.Relative)));

        Assert.Contains(decision.Number, certificates, StringComparison.Ordinal);
        Assert.Contains("0/2 đã cấp", certificates, StringComparison.Ordinal);
        Assert.Contains("Mai Văn Chờ In", decisionPage, StringComparison.Ordinal);
        Assert.Contains("Cấp giấy chứng nhận (2)", decisionPage, StringComparison.Ordinal);
        Assert.Contains("Mẫu mặc định", layouts, StringComparison.Ordinal);
        Assert.Contains("297 × 210 mm", layouts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Specialist_CannotOpenCertificates_AndLeaderCannotEditLayouts()
    {
        using var specialist = await TestUsers.SignedInClientAsync(factory, Roles.Specialist);
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);

        using var certificates = await specialist.GetAsync(new Uri("/Admin/Certificates", UriKind.Relative));
        using var layouts = await leader.GetAsync(new Uri("/Admin/CertificateLayouts", UriKind.Relative));
        using var anonymous = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/Admin/Certificates", UriKind.Relative));

        await Admin.HonorsTestHelpers.AssertForbiddenAsync(specialist, certificates);
        await Admin.HonorsTestHelpers.AssertForbiddenAsync(leader, layouts);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/dang-nhap", anonymous.Headers.Location?.IsAbsoluteUri == true ? anonymous.Headers.Location.AbsolutePath : anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LayoutForm_OutOfPageOrNotANumber_Is400WithMessagesNextToTheFields_AndSavesNothing()
    {
        using var head = await TestUsers.SignedInClientAsync(factory, Roles.OfficeHead);
        var fields = LayoutFields();
        fields["QrTopMm"] = "250";
        fields["NameFontSizePt"] = "to lắm";

        using var response = await TestUsers.PostFormAsync(head, "/Admin/CertificateLayouts/Edit", "/Admin/CertificateLayouts/Edit", fields);
        var body = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nhập một số, ví dụ 25 hoặc 12,5.", body, StringComparison.Ordinal);
        Assert.Contains("value=\"to lắm\"", body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CertificateLayouts.CountAsync(l => l.AwardTypeId == null && l.NameWidthMm == 200m)));

        fields["NameFontSizePt"] = "26";
        using var outside = await TestUsers.PostFormAsync(head, "/Admin/CertificateLayouts/Edit", "/Admin/CertificateLayouts/Edit", fields);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("Vị trí phải nằm trong trang", Html.Text(await outside.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        fields["QrTopMm"] = "165,5";
        using var saved = await TestUsers.PostFormAsync(head, "/Admin/CertificateLayouts/Edit", "/Admin/CertificateLayouts/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(165.5m, await factory.WithDbAsync(db => db.CertificateLayouts.Where(l => l.AwardTypeId == null).Select(l => l.QrTopMm).SingleAsync()));

        using var preview = await head.GetAsync(new Uri("/Admin/CertificateLayouts/Preview", UriKind.Relative));
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<string, string> LayoutFields() => new()
    {
        ["PageWidthMm"] = "297",
        ["PageHeightMm"] = "210",
        ["PrintBackground"] = "true",
        ["TitleTopMm"] = "60",
        ["NameTopMm"] = "95",
        ["NameLeftMm"] = "40",
        ["NameWidthMm"] = "200",
        ["NameFontSizePt"] = "26",
        ["AchievementTopMm"] = "125",
        ["AchievementFontSizePt"] = "14",
        ["DecisionTopMm"] = "160",
        ["QrLeftMm"] = "20",
        ["QrTopMm"] = "165",
        ["QrSizeMm"] = "25",
        ["Version"] = "0",
    };
}
