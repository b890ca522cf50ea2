using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Admin;

/// <summary>The portal with a 1 MB file limit, so that oversize uploads stay small in tests.</summary>
public sealed class SmallUploadPortalAppFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxFileSizeMegabytes", "1");
    }
}

/// <summary>Documents in the admin area: metadata checks, the duplicate warning, and every kind of bad upload.</summary>
public sealed class ContentDocumentTests(SmallUploadPortalAppFactory factory) : IClassFixture<SmallUploadPortalAppFactory>
{
    private const string Create = "/Admin/Documents/Create";

    private async Task<int> TypeIdAsync() => await factory.WithDbAsync(db => db.DocumentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());

    private async Task<Dictionary<string, string>> MetadataAsync(string number, string issuer = "Ủy ban nhân dân tỉnh", string issuedOn = "2026-03-12") => Form(
        ("DocumentTypeId", (await TypeIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Number", number), ("IssuedOn", issuedOn), ("Issuer", issuer), ("Signer", "Nguyễn Văn An"),
        ("Abstract", "Kế hoạch tổ chức phong trào thi đua năm 2026"), ("Recipients", "Các sở, ban, ngành\r\n\r\nLưu: VT"));

    private static string UniqueNumber() => $"{Random.Shared.Next(1, 999_999)}/KH-UBND";

    public static TheoryData<string, string, string> BadUploads()
    {
        var elf = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0 };
        var mz = new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0 };
        return new TheoryData<string, string, string>
        {
            { "trang-web.pdf", Convert.ToBase64String("<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray()), "Nội dung tệp không đúng với phần mở rộng" },
            { "chuong-trinh-linux.pdf", Convert.ToBase64String(elf), "Nội dung tệp không đúng với phần mở rộng" },
            { "chuong-trinh-windows.pdf", Convert.ToBase64String(mz), "Nội dung tệp không đúng với phần mở rộng" },
            { "chuong-trinh.exe", Convert.ToBase64String(mz), "Loại tệp không được phép" },
            { "../../ke-hoach.pdf", Convert.ToBase64String(Pdf()), "Tên tệp không hợp lệ" },
            { "ke-hoach%00.pdf", Convert.ToBase64String(Pdf()), "Tên tệp không hợp lệ" },
            { new string('a', 296) + ".pdf", Convert.ToBase64String(Pdf()), "Tên tệp không hợp lệ" },
            { "CON.pdf", Convert.ToBase64String(Pdf()), "Tên tệp không hợp lệ" },
            { "rong.pdf", string.Empty, "Tệp rỗng" },
            { "qua-lon.pdf", Convert.ToBase64String(Pdf(padding: 1_600_000)), "Tệp vượt quá dung lượng cho phép (1 MB)" },
        };
    }

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task BadUpload_IsRefusedWith4xxAndVietnameseMessage_AndNothingIsStored(string fileName, string base64, string message)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = UniqueNumber();
        var filesBefore = StoredFileNames(factory).Length;
        var rowsBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number), ("Files", fileName, Convert.FromBase64String(base64)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Html.AssertNoStackTrace(html);
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(filesBefore, StoredFileNames(factory).Length);
    }

    [Fact]
    public async Task RequestFarAboveTheLimit_Gets413WithVietnameseMessage_NotAReset()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = UniqueNumber();
        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number), ("Files", "rat-lon.pdf", Pdf(padding: 7 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("vượt quá giới hạn cho phép", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
    }

    [Fact]
    public async Task AcceptedFile_IsStoredOutsideWwwrootUnderRandomHexName()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var bytes = Pdf();
        var number = UniqueNumber();
        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number), ("Files", "ke-hoach-thi-dua-2026.pdf", bytes));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var key = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.Document!.Number == number).Select(a => a.StoredFile!.StorageKey).SingleAsync());
        Assert.Matches("^[0-9a-f]{32}$", key);
        var path = Directory.GetFiles(factory.FilesFolder, key, SearchOption.AllDirectories).Single();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.StartsWith(Path.Combine(factory.DataFolder, "files"), path, StringComparison.Ordinal);
        Assert.DoesNotContain("wwwroot", path, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(factory.DataFolder, "ke-hoach-thi-dua-2026.pdf", SearchOption.AllDirectories));

        // The public download still offers the original name.
        var documentId = IdFromLocation(response);
        var fileId = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.DocumentId == documentId).Select(a => a.StoredFileId).SingleAsync());
        using var download = await factory.CreateClient().GetAsync(new Uri($"/van-ban/{documentId}/tep/{fileId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SamePdfUploadedTwice_IsStoredOnce_AndCannotBeAttachedTwiceToOneDocument()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var bytes = Pdf();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        using var first = await PostMultipartAsync(client, Create, Create, await MetadataAsync(UniqueNumber()), ("Files", "ban-goc.pdf", bytes));
        using var second = await PostMultipartAsync(client, Create, Create, await MetadataAsync(UniqueNumber()), ("Files", "ban-sao.pdf", bytes));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Sha256 == hash)));

        var id = IdFromLocation(first);
        var edit = $"/Admin/Documents/Edit/{id}";
        var version = await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        var fields = await MetadataAsync(await factory.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Number).SingleAsync()));
        fields["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var again = await PostMultipartAsync(client, edit, edit, fields, ("Files", "lan-nua.pdf", bytes));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã được đính kèm vào văn bản này", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.DocumentId == id)));
    }

    [Fact]
    public async Task SeveralFilesInOneUpload_AreAllAttached()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(UniqueNumber()),
            ("Files", "ke-hoach.pdf", Pdf()), ("Files", "phu-luc.png", Png()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFromLocation(response);
        Assert.Equal(2, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.DocumentId == id)));
    }

    [Theory]
    [InlineData("KH-UBND/93")]
    [InlineData("93")]
    [InlineData("số 93/KH")]
    [InlineData("93/kh-ubnd")]
    public async Task InvalidNumber_IsRefusedWithExamples(string number)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Số, ký hiệu không đúng định dạng", html, StringComparison.Ordinal);
        Assert.Contains("31/2020/QĐ-UBND", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
    }

    [Theory]
    [InlineData("31/2020/QĐ-UBND")]
    [InlineData("34-CT/TW")]
    [InlineData("148/TTr-SLĐTBXH")]
    public async Task RealNumbers_AreAccepted(string baseNumber)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = Random.Shared.Next(1000, 99999) + baseNumber[baseNumber.IndexOfAny(['/', '-'])..];
        using var response = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
    }

    [Fact]
    public async Task SameNumberIssuerAndYear_IsSavedWithAWarningOnTheEditPage()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = UniqueNumber();
        using var first = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number, issuedOn: "2026-02-01"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var firstPage = Html.Text(await client.GetStringAsync(first.Headers.Location));
        Assert.DoesNotContain("đã có văn bản khác số", firstPage, StringComparison.Ordinal);

        using var second = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number, issuedOn: "2026-09-30"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = Html.Text(await client.GetStringAsync(second.Headers.Location));
        Assert.Contains($"Lưu ý: đã có văn bản khác số {number} của Ủy ban nhân dân tỉnh ban hành năm 2026", page, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Number == number)));

        // Another year is not a duplicate.
        using var third = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number, issuedOn: "2025-09-30"));
        Assert.DoesNotContain("đã có văn bản khác số", Html.Text(await client.GetStringAsync(third.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFieldsAndBadDates_GetVietnameseMessages_And400()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var fields = Form(("DocumentTypeId", "999999"), ("Number", ""), ("IssuedOn", "99999-01-01"), ("Issuer", ""), ("Abstract", new string('x', 1001)));
        using var response = await PostMultipartAsync(client, Create, Create, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ngày ban hành không phải là ngày hợp lệ", html, StringComparison.Ordinal);

        fields["IssuedOn"] = "1900-01-01";
        using var second = await PostMultipartAsync(client, Create, Create, fields);
        var html2 = Html.Text(await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Loại văn bản đã chọn không tồn tại.", html2, StringComparison.Ordinal);
        Assert.Contains("Số, ký hiệu không được để trống.", html2, StringComparison.Ordinal);
        Assert.Contains("Năm phải nằm trong khoảng từ 1945 đến 2100.", html2, StringComparison.Ordinal);
        Assert.Contains("Cơ quan ban hành không được để trống.", html2, StringComparison.Ordinal);
        Assert.Contains("Trích yếu không được dài quá 1000 ký tự.", html2, StringComparison.Ordinal);
        Html.AssertNoStackTrace(html2);
    }

    [Fact]
    public async Task ReplaceAndRemoveAttachment_ChangeWhatTheDocumentOffers()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await PostMultipartAsync(client, Create, Create, await MetadataAsync(UniqueNumber()), ("Files", "du-thao.pdf", Pdf()));
        var id = IdFromLocation(created);
        var edit = $"/Admin/Documents/Edit/{id}";
        var attachmentId = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.DocumentId == id).Select(a => a.Id).SingleAsync());

        // A disguised replacement is refused and the old file stays.
        using var bad = await PostMultipartAsync(client, edit, $"/Admin/Documents/ReplaceAttachment/{id}?attachmentId={attachmentId}", [], ("file", "ban-chinh-thuc.pdf", "<html></html>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Nội dung tệp không đúng với phần mở rộng", Html.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var replaced = await PostMultipartAsync(client, edit, $"/Admin/Documents/ReplaceAttachment/{id}?attachmentId={attachmentId}", [], ("file", "ban-chinh-thuc.pdf", Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal("ban-chinh-thuc.pdf", await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.Id == attachmentId).Select(a => a.StoredFile!.OriginalName).SingleAsync()));

        var confirm = Html.Text(await client.GetStringAsync(new Uri($"/Admin/Documents/RemoveAttachment/{id}?attachmentId={attachmentId}", UriKind.Relative)));
        Assert.Contains("Tệp sau sẽ bị gỡ khỏi văn bản", confirm, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.DocumentId == id)));

        using var removed = await TestUsers.PostFormAsync(client, $"/Admin/Documents/RemoveAttachment/{id}?attachmentId={attachmentId}", $"/Admin/Documents/RemoveAttachment/{id}?attachmentId={attachmentId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.DocumentId == id)));
    }

    [Fact]
    public async Task DeleteDocument_AsksFirst_ThenRemovesIt()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await PostMultipartAsync(client, Create, Create, await MetadataAsync(UniqueNumber()));
        var id = IdFromLocation(created);

        var confirm = Html.Text(await client.GetStringAsync(new Uri($"/Admin/Documents/Delete/{id}", UriKind.Relative)));
        Assert.Contains("sẽ bị xóa", confirm, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Id == id)));

        using var deleted = await TestUsers.PostFormAsync(client, $"/Admin/Documents/Delete/{id}", $"/Admin/Documents/Delete/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Id == id)));
        using var gone = await client.GetAsync(new Uri($"/Admin/Documents/Edit/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PublishedDocument_AppearsOnPublicDocumentsPage()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = UniqueNumber();
        using var created = await PostMultipartAsync(client, Create, Create, await MetadataAsync(number), ("Files", "cong-khai.pdf", Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = Html.Text(await factory.CreateClient().GetStringAsync(new Uri("/van-ban", UriKind.Relative)));
        Assert.Contains(number, page, StringComparison.Ordinal);
    }
}
