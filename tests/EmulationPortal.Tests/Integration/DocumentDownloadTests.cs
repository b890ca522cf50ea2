using System.Net;
using System.Text;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace EmulationPortal.Tests.Integration;

/// <summary>Downloading the department's plan (Kế hoạch) attached as a PDF.</summary>
public sealed class DocumentDownloadTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private sealed record PlanFile(int DocumentId, int FileId, string OriginalName, string StorageKey);

    /// <summary>The department's own plan (a Kế hoạch of the Sở) and its PDF.</summary>
    private Task<PlanFile> PlanAsync() => factory.WithDbAsync(db => db.DocumentAttachments.AsNoTracking()
        .Where(a => a.Document!.DocumentType!.Name == "Kế hoạch" && a.Document.Issuer == "Sở Thông tin và Truyền thông")
        .Where(a => a.StoredFile!.ContentType == "application/pdf")
        .Select(a => new PlanFile(a.DocumentId, a.StoredFileId, a.StoredFile!.OriginalName, a.StoredFile.StorageKey))
        .FirstAsync());

    [Fact]
    public async Task Download_WhenPlanPdfRequested_SendsAttachmentWithVietnameseNameAndReadablePdf()
    {
        var plan = await PlanAsync();

        using var response = await _client.GetAsync(new Uri($"/van-ban/{plan.DocumentId}/tep/{plan.FileId}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(plan.OriginalName, disposition.FileNameStar);
        Assert.EndsWith(".pdf", disposition.FileNameStar, StringComparison.OrdinalIgnoreCase);
        var rawDisposition = string.Join(", ", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''", rawDisposition, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff));
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("thi đua", text.Normalize(NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Download_WhenPlanNameIsVietnamese_EncodesItAsUtf8InFilenameStar()
    {
        var plan = await PlanAsync();

        using var response = await _client.GetAsync(new Uri($"/van-ban/{plan.DocumentId}/tep/{plan.FileId}", UriKind.Relative));
        var rawDisposition = string.Join(", ", response.Content.Headers.GetValues("Content-Disposition"));

        Assert.Contains(plan.OriginalName, Uri.UnescapeDataString(rawDisposition), StringComparison.Ordinal);
        Assert.True(plan.OriginalName.Any(c => c > 127), $"the seeded plan's file name should be Vietnamese: {plan.OriginalName}");
        Assert.DoesNotContain(plan.OriginalName, rawDisposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_WhenFileIdBelongsToAnotherDocument_Returns404()
    {
        var plan = await PlanAsync();
        var otherDocument = await factory.WithDbAsync(db => db.Documents.Where(d => d.Id != plan.DocumentId).Select(d => d.Id).FirstAsync());

        using var response = await _client.GetAsync(new Uri($"/van-ban/{otherDocument}/tep/{plan.FileId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_WhenStoredFileMissingOnDisk_Returns404()
    {
        var plan = await PlanAsync();
        var path = Directory.EnumerateFiles(factory.FilesFolder, plan.StorageKey, SearchOption.AllDirectories).Single();
        var aside = Path.Combine(factory.DataFolder, "moved-" + plan.StorageKey);
        File.Move(path, aside);
        try
        {
            using var response = await _client.GetAsync(new Uri($"/van-ban/{plan.DocumentId}/tep/{plan.FileId}", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Không tìm thấy", Html.Text(body), StringComparison.Ordinal);
            Html.AssertNoStackTrace(body);
        }
        finally
        {
            File.Move(aside, path);
        }
    }

    [Fact]
    public void FileStore_WhenSeeded_KeepsFilesUnderDataFolder()
    {
        var store = (LocalFileStore)factory.Services.GetService(typeof(IFileStore))!;

        Assert.Equal(Path.GetFullPath(factory.FilesFolder), store.RootPath);
    }
}
