using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Feedbacks;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>Phản ánh: the public form (anonymous or not) and the Office's triage.</summary>
public sealed class FeedbackTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private Task<Feedback?> FeedbackWithTextAsync(string text) =>
        factory.WithDbAsync(db => db.Feedbacks.AsNoTracking().SingleOrDefaultAsync(f => f.Text == text));

    private async Task<int> SubmitAsync(HttpClient client, string text, bool anonymous = false, params (string Key, string Value)[] more)
    {
        var fields = new List<(string, string)> { ("Category", "Award"), ("Subject", "Xét Bằng khen năm 2025"), ("Text", text) };
        if (anonymous)
        {
            fields.Add(("IsAnonymous", "true"));
        }

        fields.AddRange(more);
        using var response = await PostFormAsync(client, "/phan-anh", "/phan-anh", [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/phan-anh/cam-on", Location(response), StringComparison.Ordinal);
        return (await FeedbackWithTextAsync(text))!.Id;
    }

    [Fact]
    public async Task Feedback_FromAnonymousVisitor_IsSaved_AndThanked()
    {
        using var client = factory.CreateBrowserlikeClient();
        var campaignId = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.IsPublished).Select(c => c.Id).FirstAsync());
        var text = $"Quy trình bình xét chưa công khai {Guid.NewGuid():N}";

        using var response = await PostFormAsync(
            client, "/phan-anh", "/phan-anh",
            ("Category", "Campaign"), ("CampaignId", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Text", text),
            ("ContactName", "Phạm Văn Liên"), ("ContactInfo", "0912 345 678"), ("Status", "Closed"), ("InternalNote", "giả mạo"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Cảm ơn bạn đã gửi phản ánh", Html.Text(thanks), StringComparison.Ordinal);
        var saved = await FeedbackWithTextAsync(text);
        Assert.NotNull(saved);
        Assert.Equal(campaignId, saved.CampaignId);
        Assert.Equal("Phạm Văn Liên", saved.ContactName);
        Assert.Equal("0912 345 678", saved.ContactInfo);
        Assert.Null(saved.SubmittedByUserId);
        Assert.Equal(FeedbackStatus.New, saved.Status);
        Assert.Equal(string.Empty, saved.InternalNote);
    }

    [Fact]
    public async Task AnonymousFeedback_FromSignedInUserWithContact_StoresNothingIdentifying()
    {
        var (client, userName) = await SignInNewAsync(factory, Roles.Staff);
        var user = await UserAsync(factory, userName);
        var text = $"Có hiện tượng chạy thành tích {Guid.NewGuid():N}";

        var id = await SubmitAsync(client, text, anonymous: true, ("ContactName", "Nguyễn Văn Lộ"), ("ContactInfo", "lo@example.vn"));

        var saved = (await FeedbackWithTextAsync(text))!;
        Assert.True(saved.IsAnonymous);
        Assert.Null(saved.SubmittedByUserId);
        Assert.Null(saved.ContactName);
        Assert.Null(saved.ContactInfo);

        // Nor does the audit log tie the report to the user.
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Feedback) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.DoesNotContain(audited, a => a.UserId == user.Id || a.UserName == userName);
        var anyMention = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(a => a.Changes.Contains("lo@example.vn") || a.Changes.Contains(text)));
        Assert.False(anyMention);
    }

    [Fact]
    public async Task Feedback_FromSignedInUser_NotAnonymous_StoresTheirUserId()
    {
        var (client, userName) = await SignInNewAsync(factory, Roles.Staff);
        var text = $"Đề nghị xem lại danh sách khen thưởng {Guid.NewGuid():N}";

        await SubmitAsync(client, text);

        var saved = (await FeedbackWithTextAsync(text))!;
        Assert.False(saved.IsAnonymous);
        Assert.Equal((await UserAsync(factory, userName)).Id, saved.SubmittedByUserId);
    }

    [Fact]
    public async Task Feedback_WithMissingOrTooLongTextOrBadContact_Returns400WithMessages_AndStoresNothing()
    {
        using var client = factory.CreateBrowserlikeClient();
        var before = await factory.WithDbAsync(db => db.Feedbacks.CountAsync());

        using var empty = await PostFormAsync(client, "/phan-anh", "/phan-anh", ("Category", "Other"), ("Text", "   "));
        using var tooLong = await PostFormAsync(
            client, "/phan-anh", "/phan-anh", ("Category", "Other"), ("Text", new string('x', 4001)), ("ContactInfo", "không phải liên hệ"), ("CampaignId", "987654"));
        using var badCategory = await PostFormAsync(client, "/phan-anh", "/phan-anh", ("Category", "Hacker"), ("Text", "Nội dung"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Nội dung phản ánh không được để trống.", Html.Text(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var text = Html.Text(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("Nội dung không được dài quá 4000 ký tự.", text, StringComparison.Ordinal);
        Assert.Contains("Hãy nhập số điện thoại", text, StringComparison.Ordinal);
        Assert.Contains("Phong trào đã chọn không tồn tại.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Html.AssertNoStackTrace(await badCategory.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Feedbacks.CountAsync()));
    }

    [Fact]
    public async Task Feedback_PostedWithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Category"] = "Other", ["Text"] = "Không có mã chống giả mạo" });

        using var response = await client.PostAsync(new Uri("/phan-anh", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FeedbackWithTextAsync("Không có mã chống giả mạo"));
    }

    [Fact]
    public async Task PublicFooter_LinksToTheFeedbackForm()
    {
        using var client = factory.CreateBrowserlikeClient();

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("""<a href="/phan-anh">Gửi phản ánh</a>""", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_MovesStatusAndKeepsNote_AndAStaleVersionGetsAConflict()
    {
        using var submitter = factory.CreateBrowserlikeClient();
        var id = await SubmitAsync(submitter, $"Phản ánh cần xử lý {Guid.NewGuid():N}", anonymous: true);
        var (first, _) = await SignInNewAsync(factory, Roles.Editor);
        var (second, _) = await SignInNewAsync(factory, Roles.Editor);
        var detail = $"/Admin/Feedback/Detail/{id}";
        var version = (await FeedbackWithIdAsync(id)).Version;
        var list = Html.Text(await first.GetStringAsync(new Uri("/Admin/Feedback?trang-thai=New", UriKind.Relative)));
        Assert.Contains("Phản ánh cần xử lý", list, StringComparison.Ordinal);

        using var saved = await PostFormAsync(second, detail, detail, ("Status", "Handling"), ("InternalNote", "Giao Phòng Thanh tra xác minh"), ("Version", V(version)));
        using var stale = await PostFormAsync(first, detail, detail, ("Status", "Closed"), ("InternalNote", "Đóng luôn"), ("Version", V(version)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", Html.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await FeedbackWithIdAsync(id);
        Assert.Equal(FeedbackStatus.Handling, stored.Status);
        Assert.Equal("Giao Phòng Thanh tra xác minh", stored.InternalNote);

        // new → answered directly is not a step of the workflow.
        using var skip = await PostFormAsync(first, detail, detail, ("Status", "New"), ("InternalNote", ""), ("Version", V(stored.Version)));
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("Không thể chuyển phản ánh sang trạng thái này", Html.Text(await skip.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var answered = await PostFormAsync(first, detail, detail, ("Status", "Answered"), ("InternalNote", "Đã trả lời"), ("Version", V(stored.Version)));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(FeedbackStatus.Answered, (await FeedbackWithIdAsync(id)).Status);
    }

    [Fact]
    public async Task Triage_AsLeader_ReadsButCannotChange()
    {
        using var submitter = factory.CreateBrowserlikeClient();
        var id = await SubmitAsync(submitter, $"Phản ánh để lãnh đạo xem {Guid.NewGuid():N}");
        var (leader, _) = await SignInNewAsync(factory, Roles.Leader);
        var detail = $"/Admin/Feedback/Detail/{id}";

        var page = await leader.GetStringAsync(new Uri(detail, UriKind.Relative));
        Assert.Contains("Phản ánh để lãnh đạo xem", Html.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"InternalNote\"", page, StringComparison.Ordinal);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Status"] = "Handling", ["Version"] = "0", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        });
        using var post = await leader.PostAsync(new Uri(detail, UriKind.Relative), content);
        Assert.Contains("/khong-co-quyen", Location(post), StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.New, (await FeedbackWithIdAsync(id)).Status);

        using var unknown = await leader.GetAsync(new Uri("/Admin/Feedback/Detail/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private Task<Feedback> FeedbackWithIdAsync(int id) => factory.WithDbAsync(db => db.Feedbacks.AsNoTracking().SingleAsync(f => f.Id == id));

    private static string V(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
