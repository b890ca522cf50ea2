using System.Globalization;
using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Admin;

/// <summary>Campaigns in the admin area, and what every content form shares: concurrency and the audit log.</summary>
public sealed class ContentCampaignTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Create = "/Admin/Campaigns/Create";

    private static Dictionary<string, string> CampaignForm(string title, string startsOn = "2026-01-15", string? endsOn = null)
    {
        var form = Form(("Title", title), ("Kind", "Thematic"), ("Scope", "Provincial"), ("LaunchedBy", "UBND tỉnh"), ("StartsOn", startsOn),
            ("Summary", "Tóm tắt"), ("Content", "<p>Nội dung phong trào</p>"));
        if (endsOn is not null)
        {
            form["EndsOn"] = endsOn;
        }

        return form;
    }

    private async Task<(HttpClient Client, int Id)> CreateCampaignAsync(string title, params (string Key, string Value)[] extra)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var form = CampaignForm(title);
        foreach (var (key, value) in extra)
        {
            form[key] = value;
        }

        using var response = await PostMultipartAsync(client, Create, Create, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, IdFromLocation(response));
    }

    private Task<int> VersionAsync(int id) => factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

    [Fact]
    public async Task Editor_CreatesCampaignAsDraft_LaunchShowsItToStaff()
    {
        var title = "Phong trào thử nghiệm " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateCampaignAsync(title, ("IsPublished", "true"));

        // IsPublished is not a field of the form: posting it changes nothing (no over-posting).
        var campaign = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.False(campaign.IsPublished);
        Assert.Equal("phong-trao-thu-nghiem-" + title[^8..], campaign.Slug);
        Assert.DoesNotContain(title, Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/phong-trao", UriKind.Relative))), StringComparison.Ordinal);

        using var launch = await TestUsers.PostFormAsync(client, $"/Admin/Campaigns/Edit/{id}", $"/Admin/Campaigns/Launch/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        var launched = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.True(launched.IsPublished);
        Assert.NotNull(launched.LaunchedOn);
        using var publicPage = await factory.CreateClient().GetAsync(new Uri($"/phong-trao/{launched.Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
    }

    [Fact]
    public async Task Close_EndsTheCampaignToday()
    {
        var (client, id) = await CreateCampaignAsync("Phong trào sẽ kết thúc " + Guid.NewGuid().ToString("N")[..8]);
        using var close = await TestUsers.PostFormAsync(client, $"/Admin/Campaigns/Edit/{id}", $"/Admin/Campaigns/Close/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        Assert.Equal(today, await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EndsOn).SingleAsync()));
    }

    [Theory]
    [InlineData("2026-05-01", "2026-04-30", "Ngày kết thúc không được trước ngày bắt đầu.")]
    [InlineData("99999-01-01", null, "Ngày bắt đầu không phải là ngày hợp lệ")]
    [InlineData("1900-01-01", null, "Năm phải nằm trong khoảng từ 1945 đến 2100.")]
    [InlineData("2026-01-01", "2101-01-01", "Năm phải nằm trong khoảng từ 1945 đến 2100.")]
    [InlineData("", null, "Ngày bắt đầu không được để trống.")]
    public async Task WrongDates_AreRefusedWithVietnameseMessage(string startsOn, string? endsOn, string message)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var title = "Phong trào sai ngày " + Guid.NewGuid().ToString("N")[..8];
        using var response = await PostMultipartAsync(client, Create, Create, CampaignForm(title, startsOn, endsOn));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal); // the form keeps what was typed
        Html.AssertNoStackTrace(html);
        Assert.False(await factory.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task UnknownFieldOrTamperedEnum_IsRefused()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var form = CampaignForm("Phong trào giả mạo");
        form["FieldIds"] = "987654";
        using var response = await PostMultipartAsync(client, Create, Create, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Lĩnh vực đã chọn không tồn tại.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        form.Remove("FieldIds");
        form["Scope"] = "42";
        using var tampered = await PostMultipartAsync(client, Create, Create, form);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("Phạm vi đã chọn không hợp lệ.", Html.Text(await tampered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Title == "Phong trào giả mạo")));
    }

    [Fact]
    public async Task CoverImage_MustBeJpegOrPng()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var bad = await PostMultipartAsync(client, Create, Create, CampaignForm("Phong trào có ảnh sai"), ("Cover", "anh-bia.png", Pdf()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Nội dung tệp không đúng với phần mở rộng", Html.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var title = "Phong trào có ảnh " + Guid.NewGuid().ToString("N")[..8];
        using var good = await PostMultipartAsync(client, Create, Create, CampaignForm(title), ("Cover", "anh-bia.png", Png()));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == title).Select(c => c.CoverImageId).SingleAsync()));
    }

    [Fact]
    public async Task DeleteCampaign_IsConfirmedThenDone()
    {
        var (client, id) = await CreateCampaignAsync("Phong trào sẽ bị xóa " + Guid.NewGuid().ToString("N")[..8]);
        using var viaGet = await client.GetAsync(new Uri($"/Admin/Campaigns/Delete/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, viaGet.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == id)));

        using var deleted = await TestUsers.PostFormAsync(client, $"/Admin/Campaigns/Delete/{id}", $"/Admin/Campaigns/Delete/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task CampaignList_FiltersAndCounts()
    {
        var title = "Phong trào bản nháp để lọc " + Guid.NewGuid().ToString("N")[..8];
        var (client, _) = await CreateCampaignAsync(title);
        var drafts = Html.Text(await client.GetStringAsync(new Uri("/Admin/Campaigns?cong-bo=ban-nhap", UriKind.Relative)));
        Assert.Contains(title, drafts, StringComparison.Ordinal);
        Assert.Matches("Có [0-9]+ phong trào", drafts);
        var launched = Html.Text(await client.GetStringAsync(new Uri("/Admin/Campaigns?cong-bo=da-phat-dong", UriKind.Relative)));
        Assert.DoesNotContain(title, launched, StringComparison.Ordinal);
        using var bad = await client.GetAsync(new Uri("/Admin/Campaigns?tinh-trang=abc&trang=xyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }

    [Fact]
    public async Task TwoEditsFromTheSameVersion_SecondGetsConflict_DatabaseKeepsTheFirst_ThenCanOverwriteKnowingly()
    {
        var (first, id) = await CreateCampaignAsync("Phong trào gốc " + Guid.NewGuid().ToString("N")[..8]);
        var second = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var edit = $"/Admin/Campaigns/Edit/{id}";
        var version = (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture);

        var firstForm = CampaignForm("Tên do người thứ nhất sửa");
        firstForm["Version"] = version;
        using var saved = await PostMultipartAsync(first, edit, edit, firstForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var secondForm = CampaignForm("Tên do người thứ hai sửa");
        secondForm["Version"] = version;
        using var refused = await PostMultipartAsync(second, edit, edit, secondForm);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Dữ liệu đã được người khác thay đổi", html, StringComparison.Ordinal);
        Assert.Contains("Tên do người thứ nhất sửa", html, StringComparison.Ordinal); // the stored value is shown
        Assert.Contains("value=\"Tên do người thứ hai sửa\"", html, StringComparison.Ordinal); // the user's input is kept
        Assert.Equal("Tên do người thứ nhất sửa", await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));

        // The refused page carries the new version: saving again overwrites knowingly.
        var newVersion = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\"[^>]*value=\"([0-9]+)\"|value=\"([0-9]+)\"[^>]*name=\"Version\"");
        secondForm["Version"] = newVersion.Groups[1].Success ? newVersion.Groups[1].Value : newVersion.Groups[2].Value;
        Assert.Equal((await VersionAsync(id)).ToString(CultureInfo.InvariantCulture), secondForm["Version"]);
        using var overwritten = await PostMultipartAsync(second, edit, edit, secondForm);
        Assert.Equal(HttpStatusCode.Redirect, overwritten.StatusCode);
        Assert.Equal("Tên do người thứ hai sửa", await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task ArticleEditsFromTheSameVersion_SecondGetsConflict()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create", Form(("Title", "Tin gốc"), ("Body", "<p>Gốc</p>")));
        var id = IdFromLocation(created);
        var edit = $"/Admin/Articles/Edit/{id}";
        var version = (await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync())).ToString(CultureInfo.InvariantCulture);

        using var saved = await TestUsers.PostFormAsync(client, edit, edit, Form(("Version", version), ("Title", "Tin sửa lần một"), ("Body", "<p>Một</p>")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await TestUsers.PostFormAsync(client, edit, edit, Form(("Version", version), ("Title", "Tin sửa lần hai"), ("Body", "<p>Hai</p>")));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Tin sửa lần một", await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task DocumentEditsFromTheSameVersion_SecondGetsConflict()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var typeId = (await factory.WithDbAsync(db => db.DocumentTypes.Select(t => t.Id).FirstAsync())).ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> DocumentForm(string abstractText) => Form(
            ("DocumentTypeId", typeId), ("Number", "77/KH-SKHCN"), ("IssuedOn", "2026-04-01"), ("Issuer", "Sở Khoa học và Công nghệ"), ("Abstract", abstractText));
        using var created = await PostMultipartAsync(client, "/Admin/Documents/Create", "/Admin/Documents/Create", DocumentForm("Trích yếu gốc"));
        var id = IdFromLocation(created);
        var edit = $"/Admin/Documents/Edit/{id}";
        var version = (await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Version).SingleAsync())).ToString(CultureInfo.InvariantCulture);

        var one = DocumentForm("Trích yếu lần một");
        one["Version"] = version;
        using var saved = await PostMultipartAsync(client, edit, edit, one);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var two = DocumentForm("Trích yếu lần hai");
        two["Version"] = version;
        using var refused = await PostMultipartAsync(client, edit, edit, two, ("Files", "kem-theo.pdf", Pdf()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Trích yếu lần một", await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Abstract).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.DocumentId == id)));
    }

    [Fact]
    public async Task EditingACampaign_WritesAnAuditEntryWithOldAndNewValues()
    {
        var oldTitle = "Tên trước khi sửa " + Guid.NewGuid().ToString("N")[..8];
        var newTitle = "Tên sau khi sửa " + Guid.NewGuid().ToString("N")[..8];
        var (client, id) = await CreateCampaignAsync(oldTitle);
        var edit = $"/Admin/Campaigns/Edit/{id}";
        var form = CampaignForm(newTitle);
        form["Version"] = (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture);
        using var saved = await PostMultipartAsync(client, edit, edit, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Campaign" && e.EntityId == key).ToListAsync());
        Assert.Contains(entries, e => e.Action == "Create");
        var update = Assert.Single(entries, e => e.Action == "Update");
        Assert.Contains(oldTitle, update.Changes, StringComparison.Ordinal);
        Assert.Contains(newTitle, update.Changes, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(update.UserName));
    }
}
