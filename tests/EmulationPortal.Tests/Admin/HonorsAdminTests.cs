using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static EmulationPortal.Tests.Admin.HonorsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>Honoring through the admin area: the form, the bulk list and .xlsx import, photos, roles, conflicts.</summary>
public sealed class HonorsAdminTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Create = "/Admin/Commendations/Create";

    private static readonly string[] CommendationHeader = ["Họ và tên", "Đơn vị", "Danh hiệu", "Số quyết định", "Ngày quyết định", "Thành tích"];

    private async Task<Dictionary<string, string>> PersonFormAsync(string person, string award, string decision, int year = 2027) => new()
    {
        ["Kind"] = "Individual",
        ["StaffMemberId"] = (await StaffIdAsync(factory, person)).ToString(),
        ["AwardTypeId"] = (await AwardIdAsync(factory, award)).ToString(),
        ["Year"] = year.ToString(),
        ["DecisionNumber"] = decision,
        ["DecidedOn"] = "2026-11-20",
        ["DecidedBy"] = "Giám đốc Sở",
        ["Achievement"] = "Hoàn thành xuất sắc nhiệm vụ",
    };

    [Fact]
    public async Task CommendPerson_ThroughForm_AppearsOnPublicHonorRoll()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = await PersonFormAsync("Cao Văn Đức", "Chiến sĩ thi đua cơ sở", "901/QĐ-STTTT");

        using var response = await TestUsers.PostFormAsync(editor, Create, Create, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roll = Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/vinh-danh?nam=2027", UriKind.Relative)));
        Assert.Contains("Cao Văn Đức", roll, StringComparison.Ordinal);
        Assert.Contains("901/QĐ-STTTT", roll, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommendUnit_ThroughForm_AppearsOnPublicHonorRoll()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Collective",
            ["UnitId"] = (await UnitIdAsync(factory, "Thanh tra Sở")).ToString(),
            ["AwardTypeId"] = (await AwardIdAsync(factory, "Tập thể lao động xuất sắc")).ToString(),
            ["Year"] = "2027",
            ["DecisionNumber"] = "902/QĐ-UBND",
            ["DecidedOn"] = "20/11/2026",
            ["DecidedBy"] = "Chủ tịch UBND tỉnh",
        };

        using var response = await TestUsers.PostFormAsync(editor, Create, Create, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roll = Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/vinh-danh?nam=2027&doi-tuong=tap-the", UriKind.Relative)));
        Assert.Contains("902/QĐ-UBND", roll, StringComparison.Ordinal);
        Assert.Contains("Thanh tra Sở", roll, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommendUnit_WithIndividualTitle_IsRefusedWithVietnameseMessage()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Collective",
            ["UnitId"] = (await UnitIdAsync(factory, "Văn phòng Sở")).ToString(),
            ["AwardTypeId"] = (await AwardIdAsync(factory, "Chiến sĩ thi đua cơ sở")).ToString(),
            ["Year"] = "2026",
            ["DecisionNumber"] = "903/QĐ-STTTT",
            ["DecidedOn"] = "2026-11-20",
            ["DecidedBy"] = "Giám đốc Sở",
        };
        var before = await CountAsync(factory, db => db.Commendations.CountAsync());

        using var response = await TestUsers.PostFormAsync(editor, Create, Create, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“Chiến sĩ thi đua cơ sở” chỉ dành cho cá nhân, không thể tặng cho tập thể.", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.Commendations.CountAsync()));
    }

    [Fact]
    public async Task CommendPerson_WithMissingFields_ShowsMessagesNextToFields()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = await PersonFormAsync("Cao Văn Đức", "Lao động tiên tiến", string.Empty);
        fields["DecidedOn"] = "31/02/2026";
        fields["Year"] = "99999";

        using var response = await TestUsers.PostFormAsync(editor, Create, Create, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("Số quyết định không được để trống.", body, StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định không hợp lệ", body, StringComparison.Ordinal);
        Assert.Contains("Năm phải nằm trong khoảng", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommendSameRecipientTwice_SameAwardAndYear_SavesWithWarning()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var first = await TestUsers.PostFormAsync(editor, Create, Create, await PersonFormAsync("Mai Thị Phương Thảo", "Lao động tiên tiến", "904/QĐ-STTTT"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await TestUsers.PostFormAsync(editor, Create, Create, await PersonFormAsync("Mai Thị Phương Thảo", "Lao động tiên tiến", "905/QĐ-STTTT"));

        var page = await FollowAsync(editor, second);
        Assert.Contains("Lưu ý: đối tượng này đã có “Lao động tiên tiến” năm 2027 (quyết định 904/QĐ-STTTT)", page, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.StaffMember!.FullName == "Mai Thị Phương Thảo" && c.Year == 2027)));
    }

    [Fact]
    public async Task PastedList_PreviewShowsEachRowsProblems_ConfirmSavesOnlyValidRows()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var decomposed = "Bùi Đức Thắng".Normalize(System.Text.NormalizationForm.FormD);
        var text = string.Join('\n',
            "Họ và tên\tĐơn vị\tDanh hiệu\tSố quyết định\tNgày\tThành tích",
            $"  {decomposed} \tPhòng Kế hoạch - Tài chính\tChiến sĩ thi đua cơ sở\t950/QĐ-STTTT\t15/12/2025\tDẫn đầu phong trào",
            "Ngô Thị Hồng Nhung;Phòng Kế hoạch - Tài chính;Lao động tiên tiến;950/QĐ-STTTT;15/12/2025;",
            "Người Không Có\tVăn phòng Sở\tLao động tiên tiến\t950/QĐ-STTTT\t15/12/2025",
            "Hoàng Thị Yến\tPhòng Không Tồn Tại\tLao động tiên tiến\t950/QĐ-STTTT\t15/12/2025",
            "Hoàng Thị Yến\tVăn phòng Sở\tDanh hiệu lạ\t950/QĐ-STTTT\t15/12/2025",
            "Văn phòng Sở\t\tChiến sĩ thi đua cơ sở\t950/QĐ-STTTT\t15/12/2025",
            "Hoàng Thị Yến\tVăn phòng Sở\tLao động tiên tiến\t950/QĐ-STTTT\t32/13/2025",
            "Ngô Thị Hồng Nhung\tPhòng Kế hoạch - Tài chính\tLao động tiên tiến\t951/QĐ-STTTT\t16/12/2025",
            "Văn phòng Sở\t\tTập thể lao động tiên tiến\t950/QĐ-STTTT\t15/12/2025",
            "Thanh tra Sở\t\tTập thể lao động tiên tiến\t950/QĐ-STTTT\t15/12/2025");
        var before = await CountAsync(factory, db => db.Commendations.CountAsync());

        using var preview = await TestUsers.PostFormAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/Preview",
            new Dictionary<string, string> { ["text"] = text, ["decidedBy"] = "Giám đốc Sở" });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await BodyAsync(preview);
        Assert.Contains("Danh sách có 10 dòng: 3 dòng hợp lệ, 7 dòng có lỗi. Chưa có gì được lưu.", page, StringComparison.Ordinal);
        Assert.Contains("Không có cán bộ “Người Không Có” trong đơn vị “Văn phòng Sở”.", page, StringComparison.Ordinal);
        Assert.Contains("Không có đơn vị “Phòng Không Tồn Tại”.", page, StringComparison.Ordinal);
        Assert.Contains("Không có danh hiệu / hình thức khen thưởng “Danh hiệu lạ”.", page, StringComparison.Ordinal);
        Assert.Contains("“Chiến sĩ thi đua cơ sở” chỉ dành cho cá nhân, không thể tặng cho tập thể.", page, StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định “32/13/2025” không hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains("Trùng với dòng 2 trong danh sách.", page, StringComparison.Ordinal);
        Assert.Contains("Trùng: đối tượng này đã có “Tập thể lao động tiên tiến” năm 2025.", page, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.Commendations.CountAsync()));

        var rows = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
            await preview.Content.ReadAsStringAsync(), "<textarea name=\"rows\"[^>]*>(?<v>[^<]*)</textarea>").Groups["v"].Value);
        using var confirm = await TestUsers.PostFormAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/ConfirmImport",
            new Dictionary<string, string> { ["rows"] = rows, ["decidedBy"] = "Giám đốc Sở" });

        var done = await FollowAsync(editor, confirm);
        Assert.Contains("Đã lưu 3 khen thưởng; bỏ qua 7 dòng có lỗi.", done, StringComparison.Ordinal);
        Assert.Equal(before + 3, await CountAsync(factory, db => db.Commendations.CountAsync()));
        Assert.Equal(1, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.StaffMember!.FullName == "Bùi Đức Thắng" && c.DecisionNumber == "950/QĐ-STTTT")));
        Assert.Equal(1, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.Unit!.Name == "Thanh tra Sở" && c.DecisionNumber == "950/QĐ-STTTT")));
    }

    [Fact]
    public async Task ConfirmImport_WithTamperedRows_ChecksThemAgainAndSavesOnlyValidOnes()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var rows = "Người Giả Mạo\tVăn phòng Sở\tLao động tiên tiến\t960/QĐ-STTTT\t15/12/2025\n";
        var before = await CountAsync(factory, db => db.Commendations.CountAsync());

        using var confirm = await TestUsers.PostFormAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/ConfirmImport",
            new Dictionary<string, string> { ["rows"] = rows, ["decidedBy"] = "Giám đốc Sở" });

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("Không có dòng hợp lệ nào để lưu.", await BodyAsync(confirm), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.Commendations.CountAsync()));
    }

    [Fact]
    public async Task XlsxImport_PreviewsThenSaves()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var workbook = Workbook(CommendationHeader,
        [
            ["Đặng Văn Hùng", "Phòng Bưu chính, Viễn thông", "Bằng khen của Chủ tịch UBND tỉnh", "970/QĐ-UBND", "10/01/2026", "Chuyển đổi số"],
            ["Phòng Công nghệ thông tin", "", "Bằng khen của Chủ tịch UBND tỉnh", "970/QĐ-UBND", "10/01/2026", ""],
            ["Không Ai Cả", "Phòng Công nghệ thông tin", "Lao động tiên tiến", "970/QĐ-UBND", "10/01/2026", ""],
        ]);

        using var preview = await PostMultipartAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/Preview",
            new Dictionary<string, string> { ["decidedBy"] = "Chủ tịch UBND tỉnh" }, ("file", "phu-luc-quyet-dinh.xlsx", workbook));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await BodyAsync(preview);
        Assert.Contains("Danh sách có 3 dòng: 2 dòng hợp lệ, 1 dòng có lỗi.", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.DecisionNumber == "970/QĐ-UBND")));

        var rows = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
            await preview.Content.ReadAsStringAsync(), "<textarea name=\"rows\"[^>]*>(?<v>[^<]*)</textarea>").Groups["v"].Value);
        using var confirm = await TestUsers.PostFormAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/ConfirmImport",
            new Dictionary<string, string> { ["rows"] = rows, ["decidedBy"] = "Chủ tịch UBND tỉnh" });

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(2, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.DecisionNumber == "970/QĐ-UBND" && c.DecidedBy == "Chủ tịch UBND tỉnh" && c.Year == 2026)));
        var roll = Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/vinh-danh?nam=2026", UriKind.Relative)));
        Assert.Contains("Đặng Văn Hùng", roll, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxImport_OfFileThatIsNotASpreadsheet_IsRefused()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fake = "<html><script>alert(1)</script></html>"u8.ToArray();
        var before = await CountAsync(factory, db => db.Commendations.CountAsync());

        using var response = await PostMultipartAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/Preview",
            new Dictionary<string, string> { ["decidedBy"] = "Giám đốc Sở" }, ("file", "danh-sach.xlsx", fake));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp này không phải là bảng tính Excel (.xlsx)", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.Commendations.CountAsync()));
    }

    [Fact]
    public async Task XlsxImport_With100000Rows_IsRefusedWithoutSavingAnything()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var workbook = Workbook(CommendationHeader,
            Enumerable.Range(1, 100_000).Select(i => new[] { "Cao Văn Đức", "Phòng Công nghệ thông tin", "Lao động tiên tiến", $"{i}/QĐ", "10/01/2026", "" }));
        var before = await CountAsync(factory, db => db.Commendations.CountAsync());

        using var response = await PostMultipartAsync(editor, "/Admin/Commendations/Import", "/Admin/Commendations/Preview",
            new Dictionary<string, string> { ["decidedBy"] = "Giám đốc Sở" }, ("file", "qua-lon.xlsx", workbook));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Danh sách có hơn 5000 dòng.", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory, db => db.Commendations.CountAsync()));
        using var stillUp = await editor.GetAsync(new Uri("/Admin/Commendations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillUp.StatusCode);
    }

    [Fact]
    public async Task Photo_IsReencodedAsSmallJpegBeforeStorage()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        byte[] upload;
        using (var bitmap = new SKBitmap(1600, 1200))
        {
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor(163, 29, 29));
            }

            using var image = SKImage.FromBitmap(bitmap);
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            upload = [.. png.ToArray(), .. "HIDDEN-PAYLOAD"u8.ToArray()];
        }

        var fields = await PersonFormAsync("Hà Văn Bảo", "Kỷ niệm chương", "980/QĐ-BTTTT");
        using var response = await PostMultipartAsync(editor, Create, Create, fields, ("photo", "chan-dung.png", upload));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var key = await factory.WithDbAsync(db => db.Commendations.Where(c => c.DecisionNumber == "980/QĐ-BTTTT").Select(c => c.Photo!.StorageKey).SingleAsync());
        var store = factory.Services.GetRequiredService<IFileStore>();
        await using var stored = store.OpenRead(key)!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        var bytes = copy.ToArray();
        Assert.NotEqual(upload, bytes);
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }), "The stored photo is not a JPEG.");
        Assert.False(bytes.AsSpan().IndexOf("HIDDEN-PAYLOAD"u8) >= 0);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.True(decoded.Width <= 600 && decoded.Height <= 600, $"Stored photo is {decoded.Width}×{decoded.Height}.");
    }

    [Fact]
    public async Task Photo_ThatIsNotAnImage_IsRefused()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = await PersonFormAsync("Hà Văn Bảo", "Huy chương", "981/QĐ-BTTTT");

        using var response = await PostMultipartAsync(editor, Create, Create, fields, ("photo", "anh.jpg", "MZ\u0090\0not a picture"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung tệp không đúng với phần mở rộng", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.DecisionNumber == "981/QĐ-BTTTT")));
    }

    [Fact]
    public async Task EditCommendation_SavedMeanwhileByAnotherEditor_ShowsConflictAndKeepsTheirValues()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(editor, Create, Create, await PersonFormAsync("Tạ Thị Ân", "Lao động tiên tiến", "990/QĐ-STTTT"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (id, version) = await factory.WithDbAsync(async db =>
            await db.Commendations.Where(c => c.DecisionNumber == "990/QĐ-STTTT").Select(c => ValueTuple.Create(c.Id, c.Version)).SingleAsync());
        var edit = $"/Admin/Commendations/Edit/{id}";
        var first = await PersonFormAsync("Tạ Thị Ân", "Lao động tiên tiến", "990/QĐ-STTTT");
        first["Achievement"] = "Sửa lần một";
        first["Version"] = version.ToString();
        using var firstSave = await TestUsers.PostFormAsync(editor, edit, edit, first);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var second = new Dictionary<string, string>(first) { ["Achievement"] = "Sửa lần hai, bản cũ" };
        using var secondSave = await TestUsers.PostFormAsync(editor, edit, edit, second);

        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var body = await BodyAsync(secondSave);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", body, StringComparison.Ordinal);
        Assert.Contains("Sửa lần một", body, StringComparison.Ordinal);
        Assert.Equal("Sửa lần một", await factory.WithDbAsync(db => db.Commendations.Where(c => c.Id == id).Select(c => c.Achievement).SingleAsync()));
    }

    [Fact]
    public async Task DeleteCommendation_AfterConfirmation_RemovesIt()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(editor, Create, Create, await PersonFormAsync("Lương Văn Ăn", "Lao động tiên tiến", "995/QĐ-STTTT"));
        var id = await factory.WithDbAsync(db => db.Commendations.Where(c => c.DecisionNumber == "995/QĐ-STTTT").Select(c => c.Id).SingleAsync());

        var confirmPage = Html.Text(await editor.GetStringAsync(new Uri($"/Admin/Commendations/Delete/{id}", UriKind.Relative)));
        Assert.Contains("Bạn có chắc chắn muốn xóa", confirmPage, StringComparison.Ordinal);
        using var deleted = await TestUsers.PostFormAsync(editor, $"/Admin/Commendations/Delete/{id}", $"/Admin/Commendations/Delete/{id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task Leader_ReadsCommendationsButCannotChangeThem()
    {
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        using var list = await leader.GetAsync(new Uri("/Admin/Commendations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Khen thưởng mới", await BodyAsync(list), StringComparison.Ordinal);

        using var form = await leader.GetAsync(new Uri(Create, UriKind.Relative));
        await AssertForbiddenAsync(leader, form);
        var listPage = await leader.GetStringAsync(new Uri("/Admin/Commendations", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(await PersonFormAsync("Cao Văn Đức", "Huy chương", "999/QĐ"))
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(listPage),
        });
        using var post = await leader.PostAsync(new Uri(Create, UriKind.Relative), content);
        await AssertForbiddenAsync(leader, post);
        Assert.Equal(0, await CountAsync(factory, db => db.Commendations.CountAsync(c => c.DecisionNumber == "999/QĐ")));
    }

    [Theory]
    [InlineData("/Admin/Commendations")]
    [InlineData("/Admin/Commendations/Create")]
    [InlineData("/Admin/Commendations/Import")]
    [InlineData("/Admin/Catalogues")]
    [InlineData("/Admin/Catalogues/Field")]
    [InlineData("/Admin/Units")]
    [InlineData("/Admin/Staff")]
    [InlineData("/Admin/Staff/Import")]
    [InlineData("/Admin/Organisation")]
    public async Task Staff_GetsForbiddenOnHonorsAdminPages(string url)
    {
        using var staff = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        using var response = await staff.GetAsync(new Uri(url, UriKind.Relative));
        await AssertForbiddenAsync(staff, response);
    }

    [Fact]
    public async Task Editor_CannotChangeCatalogues_AdministratorCan()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var list = await editor.GetAsync(new Uri("/Admin/Catalogues", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var token = Html.AntiforgeryToken(await list.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Chuyển đổi số", ["__RequestVerificationToken"] = token });
        using var refused = await editor.PostAsync(new Uri("/Admin/Catalogues/Field", UriKind.Relative), content);
        await AssertForbiddenAsync(editor, refused);
        using var formPage = await editor.GetAsync(new Uri("/Admin/Catalogues/Field", UriKind.Relative));
        await AssertForbiddenAsync(editor, formPage);
        Assert.Equal(0, await CountAsync(factory, db => db.Fields.CountAsync(f => f.Name == "Chuyển đổi số")));

        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var saved = await TestUsers.PostFormAsync(admin, "/Admin/Catalogues/Field", "/Admin/Catalogues/Field",
            new Dictionary<string, string> { ["Name"] = "Chuyển đổi số", ["SortOrder"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("chuyen-doi-so", await factory.WithDbAsync(db => db.Fields.Where(f => f.Name == "Chuyển đổi số").Select(f => f.Slug).SingleAsync()));
    }

    [Fact]
    public async Task DeleteAwardType_InUse_IsRefusedWithMessage()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var id = await AwardIdAsync(factory, "Lao động tiên tiến");
        Assert.True(await CountAsync(factory, db => db.Commendations.CountAsync(c => c.AwardTypeId == id)) > 0);
        var url = $"/Admin/Catalogues/Delete/{id}?catalogue=award-type";

        using var response = await TestUsers.PostFormAsync(admin, url, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Không thể xóa: mục này đang được dùng", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(factory, db => db.AwardTypes.CountAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task AwardType_CreatedByAdministrator_CanBeUsedAndDeletedWhenUnused()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var saved = await TestUsers.PostFormAsync(admin, "/Admin/Catalogues/AwardType", "/Admin/Catalogues/AwardType", new Dictionary<string, string>
        {
            ["Name"] = "Giải thưởng Sáng tạo", ["Category"] = "CommendationForm", ["RecipientKind"] = "Both", ["Level"] = "Provincial", ["SortOrder"] = "50",
            ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await AwardIdAsync(factory, "Giải thưởng Sáng tạo");
        var url = $"/Admin/Catalogues/Delete/{id}?catalogue=award-type";

        using var deleted = await TestUsers.PostFormAsync(admin, url, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(factory, db => db.AwardTypes.CountAsync(a => a.Id == id)));
    }
}
