using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Organisation;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static EmulationPortal.Tests.Admin.HonorsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>Units, staff and organisation settings in the admin area.</summary>
public sealed class OrganisationAdminTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] GivenNameOrder = ["Võ Thị Ánh", "Phan Văn Dũng", "Lê Minh Đức", "Trần Thị Yến"];

    [Fact]
    public async Task DeleteUnit_WithStaffAndChildren_IsRefusedAndUnitStays()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var id = await UnitIdAsync(factory, "Trung tâm Công nghệ thông tin và Truyền thông");
        var url = $"/Admin/Units/Delete/{id}";

        using var response = await TestUsers.PostFormAsync(admin, url, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Không thể xóa: đơn vị còn 1 đơn vị con, 1 cán bộ", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(factory, db => db.Units.CountAsync(u => u.Id == id)));
    }

    [Fact]
    public async Task Unit_CreatedThenDeletedWhenEmpty()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var saved = await TestUsers.PostFormAsync(admin, "/Admin/Units/Create", "/Admin/Units/Create",
            new Dictionary<string, string> { ["Name"] = "Phòng Thử nghiệm Xóa", ["Kind"] = "Division", ["SortOrder"] = "20", ["IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await UnitIdAsync(factory, "Phòng Thử nghiệm Xóa");
        var url = $"/Admin/Units/Delete/{id}";

        using var deleted = await TestUsers.PostFormAsync(admin, url, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(factory, db => db.Units.CountAsync(u => u.Id == id)));
    }

    [Fact]
    public async Task EditUnit_UnderItsOwnChild_IsRefusedAsCycle()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var parent = await UnitIdAsync(factory, "Trung tâm Công nghệ thông tin và Truyền thông");
        var child = await UnitIdAsync(factory, "Phòng Kỹ thuật - Hạ tầng số");
        var version = await factory.WithDbAsync(db => db.Units.Where(u => u.Id == parent).Select(u => u.Version).SingleAsync());
        var url = $"/Admin/Units/Edit/{parent}";

        using var response = await TestUsers.PostFormAsync(admin, url, url, new Dictionary<string, string>
        {
            ["Name"] = "Trung tâm Công nghệ thông tin và Truyền thông", ["Kind"] = "Affiliated", ["ParentId"] = child.ToString(),
            ["SortOrder"] = "0", ["IsActive"] = "true", ["Version"] = version.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không thể đặt đơn vị trực thuộc chính nó hoặc một đơn vị con của nó.", await BodyAsync(response), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Units.Where(u => u.Id == parent).Select(u => u.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task StaffList_IsOrderedByGivenNameInVietnamese()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var unitSaved = await TestUsers.PostFormAsync(admin, "/Admin/Units/Create", "/Admin/Units/Create",
            new Dictionary<string, string> { ["Name"] = "Phòng Thử nghiệm Tên", ["Kind"] = "Division", ["SortOrder"] = "30", ["IsActive"] = "true" });
        var unitId = await UnitIdAsync(factory, "Phòng Thử nghiệm Tên");
        foreach (var name in new[] { "Trần Thị Yến", "Lê Minh Đức", "Phan Văn Dũng", "Võ Thị Ánh" })
        {
            using var saved = await TestUsers.PostFormAsync(admin, "/Admin/Staff/Create", "/Admin/Staff/Create", new Dictionary<string, string>
            {
                ["FullName"] = name.Normalize(System.Text.NormalizationForm.FormD), ["Gender"] = "Female", ["UnitId"] = unitId.ToString(), ["IsActive"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = Html.Text(await admin.GetStringAsync(new Uri($"/Admin/Staff?unitId={unitId}", UriKind.Relative)));

        var positions = GivenNameOrder.Select(n => page.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public async Task EditStaff_SavedMeanwhileByAnotherAdministrator_ShowsConflict()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var id = await StaffIdAsync(factory, "Vũ Thị Mai Lan");
        var (version, unitId) = await factory.WithDbAsync(async db =>
            await db.StaffMembers.Where(s => s.Id == id).Select(s => ValueTuple.Create(s.Version, s.UnitId)).SingleAsync());
        var url = $"/Admin/Staff/Edit/{id}";
        var form = new Dictionary<string, string>
        {
            ["FullName"] = "Vũ Thị Mai Lan", ["Position"] = "Thanh tra viên chính", ["Gender"] = "Female", ["UnitId"] = unitId.ToString(),
            ["IsActive"] = "true", ["Version"] = version.ToString(),
        };
        using var first = await TestUsers.PostFormAsync(admin, url, url, form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        form["Position"] = "Chuyên viên (bản cũ)";
        using var second = await TestUsers.PostFormAsync(admin, url, url, form);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await BodyAsync(second);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", body, StringComparison.Ordinal);
        Assert.Contains("Thanh tra viên chính", body, StringComparison.Ordinal);
        Assert.Equal("Thanh tra viên chính", await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Position).SingleAsync()));
    }

    [Fact]
    public async Task StaffForm_WithoutNameOrUnit_IsRefusedWithMessages()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var response = await TestUsers.PostFormAsync(admin, "/Admin/Staff/Create", "/Admin/Staff/Create",
            new Dictionary<string, string> { ["FullName"] = "   ", ["Gender"] = "Male", ["UnitId"] = "999999" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("Trường này không được để trống.", body, StringComparison.Ordinal);
        Assert.Contains("Hãy chọn đơn vị.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffXlsxImport_PreviewsThenSavesValidRows()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var workbook = Workbook(["Họ và tên", "Giới tính", "Chức vụ", "Đơn vị"],
        [
            ["Nguyễn Văn Nhập", "Nam", "Chuyên viên", "Thanh tra Sở"],
            ["Trần Thị Nhập", "Nữ", "Kế toán", "Phòng Kế hoạch - Tài chính"],
            ["Lê Văn Sai", "Khác", "Chuyên viên", "Thanh tra Sở"],
            ["Phạm Văn Lạc", "Nam", "Chuyên viên", "Phòng Không Có"],
            ["Đỗ Văn Dũng", "Nam", "Chánh Thanh tra", "Thanh tra Sở"],
        ]);

        using var preview = await PostMultipartAsync(admin, "/Admin/Staff/Import", "/Admin/Staff/Preview", new Dictionary<string, string>(), ("file", "can-bo.xlsx", workbook));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await BodyAsync(preview);
        Assert.Contains("Danh sách có 5 dòng: 2 dòng hợp lệ, 3 dòng có lỗi.", page, StringComparison.Ordinal);
        Assert.Contains("Giới tính “Khác” không hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains("Không có đơn vị “Phòng Không Có”.", page, StringComparison.Ordinal);
        Assert.Contains("Đơn vị “Thanh tra Sở” đã có cán bộ “Đỗ Văn Dũng”.", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(factory, db => db.StaffMembers.CountAsync(s => s.FullName == "Nguyễn Văn Nhập")));

        var rows = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
            await preview.Content.ReadAsStringAsync(), "<textarea name=\"rows\"[^>]*>(?<v>[^<]*)</textarea>").Groups["v"].Value);
        using var confirm = await TestUsers.PostFormAsync(admin, "/Admin/Staff/Import", "/Admin/Staff/ConfirmImport", new Dictionary<string, string> { ["rows"] = rows });

        Assert.Contains("Đã thêm 2 cán bộ; bỏ qua 3 dòng có lỗi.", await FollowAsync(admin, confirm), StringComparison.Ordinal);
        Assert.Equal(Gender.Female, await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.FullName == "Trần Thị Nhập").Select(s => s.Gender).SingleAsync()));
        Assert.Equal(0, await CountAsync(factory, db => db.StaffMembers.CountAsync(s => s.FullName == "Lê Văn Sai")));
    }

    [Fact]
    public async Task Leader_ReadsStaffAndUnitsButCannotEdit()
    {
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        using var staff = await leader.GetAsync(new Uri("/Admin/Staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("Cao Văn Đức", await BodyAsync(staff), StringComparison.Ordinal);
        using var units = await leader.GetAsync(new Uri("/Admin/Units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);

        using var create = await leader.GetAsync(new Uri("/Admin/Staff/Create", UriKind.Relative));
        await AssertForbiddenAsync(leader, create);
        using var editUnit = await leader.GetAsync(new Uri($"/Admin/Units/Edit/{await UnitIdAsync(factory, "Văn phòng Sở")}", UriKind.Relative));
        await AssertForbiddenAsync(leader, editUnit);
    }

    [Fact]
    public async Task OrganisationLogo_Uploaded_IsShownInPublicHeader()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        byte[] logo;
        using (var bitmap = new SKBitmap(800, 800))
        {
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(new SKColor(212, 160, 23));
            }

            using var image = SKImage.FromBitmap(bitmap);
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            logo = png.ToArray();
        }

        var (name, version) = await factory.WithDbAsync(async db =>
            await db.OrganisationSettings.OrderBy(o => o.Id).Select(o => ValueTuple.Create(o.Name, o.Version)).FirstAsync());
        using var saved = await PostMultipartAsync(admin, "/Admin/Organisation", "/Admin/Organisation", new Dictionary<string, string>
        {
            ["Name"] = name, ["ParentName"] = "Ủy ban nhân dân tỉnh Thử Nghiệm", ["Email"] = "vanphong@example.gov.vn", ["Version"] = version.ToString(),
        }, ("logo", "bieu-trung.png", logo));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var logoId = await factory.WithDbAsync(db => db.OrganisationSettings.OrderBy(o => o.Id).Select(o => o.LogoId).FirstAsync());
        Assert.NotNull(logoId);
        var home = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains($"src=\"/anh/{logoId}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("img/logo.svg", home, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM", Html.Text(home), StringComparison.Ordinal);
        using var image2 = await factory.CreateClient().GetAsync(new Uri($"/anh/{logoId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image2.StatusCode);
        using var decoded = SKBitmap.Decode(await image2.Content.ReadAsByteArrayAsync());
        Assert.True(decoded.Width <= 256, $"Logo is {decoded.Width} px wide.");
    }

    [Fact]
    public async Task OrganisationRenamed_ShowsInTheFrameOfTheNextSignedInPage()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var staff = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        var before = Html.Text(await staff.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative)));

        var (name, version) = await factory.WithDbAsync(async db =>
            await db.OrganisationSettings.OrderBy(o => o.Id).Select(o => ValueTuple.Create(o.Name, o.Version)).FirstAsync());
        var renamed = "Sở Thử Nghiệm Khung Trang " + version;
        Assert.DoesNotContain(renamed, before, StringComparison.Ordinal);
        using var saved = await TestUsers.PostFormAsync(admin, "/Admin/Organisation", "/Admin/Organisation", new Dictionary<string, string>
        {
            ["Name"] = renamed, ["Phone"] = "0200 3822 111", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The header (name in capitals) and the footer (name, telephone) are rendered once per data generation.
        var after = Html.Text(await staff.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative)));
        Assert.Contains(renamed.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), after, StringComparison.Ordinal);
        Assert.Contains(renamed, after, StringComparison.Ordinal);
        Assert.Contains("0200 3822 111", after, StringComparison.Ordinal);
        Assert.DoesNotContain(name.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationSettings_WithoutName_IsRefused()
    {
        using var admin = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using var response = await TestUsers.PostFormAsync(admin, "/Admin/Organisation", "/Admin/Organisation",
            new Dictionary<string, string> { ["Name"] = "", ["Email"] = "khong hop le" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("Trường này không được để trống.", body, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ.", body, StringComparison.Ordinal);
    }
}
