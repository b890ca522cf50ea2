using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.Files;
using EmulationPortal.Search;
using EmulationPortal.Seeding;
using EmulationPortal.Tests.Participation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static EmulationPortal.Tests.Search.TestDocuments;

namespace EmulationPortal.Tests.Search;

/// <summary>
/// A document is found by words that appear only in its attached PDF or DOCX, through the real file service and a
/// real file store, against a migrated SQLite database in memory.
/// </summary>
public sealed class AttachmentSearchTests : IAsyncLifetime
{
    /// <summary>In the plan PDF (not in its abstract), far into the text: "… sự suy thoái về tư tưởng chính trị …".</summary>
    private const string PdfPhrase = "suy thoái";

    private const string DocxPhrase = "dân vận khéo";

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ep-attachments-" + Guid.NewGuid().ToString("N"));
    private SqliteConnection _connection = null!;
    private PortalDbContext _db = null!;
    private LocalFileStore _store = null!;
    private DocumentType _type = null!;

    public static TheoryData<bool> Engines => new() { true, false };

    public async Task InitializeAsync()
    {
        (_connection, _db) = await DashboardTestData.InMemoryAsync();
        _store = new LocalFileStore(_folder);
        _type = new DocumentType { Code = "KH", Name = "Kế hoạch" };
        _db.DocumentTypes.Add(_type);
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private SearchService Search(bool fts) => new(_db, fts ? new Fts5SearchEngine(_db) : new FoldedColumnSearchEngine(_db), Time);

    private FileService Files() => new(_db, _store, Time);

    private Document NewDocument(string number, string @abstract) => new()
    {
        DocumentType = _type,
        Number = number,
        IssuedOn = new DateOnly(2022, 4, 20),
        Issuer = "Sở Thông tin và Truyền thông",
        Signer = "Giám đốc Sở",
        Abstract = @abstract,
        CreatedAt = Time.GetUtcNow().UtcDateTime,
    };

    /// <summary>A document with the file attached through <see cref="FileService"/>, as the admin form and the seeder do.</summary>
    private async Task<Document> DocumentWithFileAsync(string number, string @abstract, byte[] content, string fileName, string contentType)
    {
        var document = NewDocument(number, @abstract);
        using var upload = new MemoryStream(content);
        var stored = await Files().StoreAsync(upload, fileName, contentType);
        document.Attachments.Add(new DocumentAttachment { StoredFile = stored, SortOrder = 1 });
        _db.Documents.Add(document);
        await _db.SaveChangesAsync();
        return document;
    }

    private static SearchGroupResult Documents(SearchResults results) => results.Groups.Single(g => g.Group == SearchGroup.Documents);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task PhraseOnlyInThePdf_FindsTheDocument_WithOrWithoutAccents(bool fts)
    {
        var plan = await DocumentWithFileAsync("145/KH-STTTT", "Kế hoạch tuyên truyền về công tác thi đua, khen thưởng năm 2022",
            PlanPdf(), "Kế hoạch tuyên truyền TĐKT năm 2022.pdf", PdfType);
        _db.Documents.Add(NewDocument("12/KH-STTTT", "Kế hoạch chuyển đổi số năm 2022"));
        await _db.SaveChangesAsync();
        Assert.DoesNotContain("suy", SearchText.Fold(plan.Abstract), StringComparison.Ordinal);

        foreach (var q in new[] { PdfPhrase, "suy thoai", "SUY THOÁI", "\"suy thoai\"" })
        {
            var documents = Documents(await Search(fts).SearchAsync(new SearchRequest(q, null, null, 1)));
            Assert.Equal(1, documents.Count);
            var hit = Assert.Single(documents.Hits);
            Assert.Equal(plan.Id, hit.SourceId);
            // Words are marked one by one; a quoted phrase as one piece.
            Assert.StartsWith("suy thoái", string.Join(' ', hit.Snippet.Where(p => p.IsMatch).Select(p => p.Text)), StringComparison.Ordinal);
            var snippet = string.Concat(hit.Snippet.Select(p => p.Text));
            Assert.Contains("sự suy thoái về tư tưởng chính trị", snippet, StringComparison.Ordinal);
            // The snippet is a window of the PDF's text around the match, not its beginning.
            Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task PhraseOnlyInTheDocx_FindsTheDocument_WithOrWithoutAccents(bool fts)
    {
        var docx = Docx(
            "Báo cáo kết quả năm 2025",
            "Nhân rộng mô hình “Dân vận khéo” trong cơ quan, đơn vị.",
            "Các phòng chuyên môn phối hợp thực hiện.");
        var report = await DocumentWithFileAsync("88/BC-STTTT", "Báo cáo tổng kết công tác năm 2025", docx, "bao-cao-tong-ket.docx", DocxType);

        foreach (var q in new[] { DocxPhrase, "dan van kheo", "\"Dân vận khéo\"" })
        {
            var documents = Documents(await Search(fts).SearchAsync(new SearchRequest(q, null, null, 1)));
            var hit = Assert.Single(documents.Hits);
            Assert.Equal(report.Id, hit.SourceId);
            Assert.Equal("Dân vận khéo", string.Join(' ', hit.Snippet.Where(p => p.IsMatch).Select(p => p.Text)));
            Assert.Contains("Nhân rộng mô hình “Dân vận khéo” trong cơ quan", string.Concat(hit.Snippet.Select(p => p.Text)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AttachmentRemoved_TheDocumentIsNoLongerFoundByItsText()
    {
        var plan = await DocumentWithFileAsync("145/KH-STTTT", "Kế hoạch tuyên truyền năm 2022", PlanPdf(), "ke-hoach.pdf", PdfType);
        Assert.Equal(1, Documents(await Search(true).SearchAsync(new SearchRequest(PdfPhrase, null, null, 1))).Count);

        _db.DocumentAttachments.RemoveRange(await _db.DocumentAttachments.Where(a => a.DocumentId == plan.Id).ToListAsync());
        await _db.SaveChangesAsync();

        Assert.Equal(0, Documents(await Search(true).SearchAsync(new SearchRequest(PdfPhrase, null, null, 1))).Count);
    }

    [Fact]
    public async Task Backfill_ReadsFilesStoredWithoutText_AndTheirDocumentsBecomeFindable()
    {
        var plan = await DocumentWithFileStoredBeforeSearchAsync("145/KH-STTTT", PlanPdf(), "Kế hoạch tuyên truyền.pdf", PdfType);
        var report = await DocumentWithFileStoredBeforeSearchAsync("88/BC-STTTT", Docx("Nhân rộng mô hình “Dân vận khéo”."), "bao-cao.docx", DocxType);
        await DocumentWithFileStoredBeforeSearchAsync("9/TB-STTTT", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "anh.png", "image/png");
        var lost = await DocumentWithFileStoredBeforeSearchAsync("10/TB-STTTT", Docx("Tệp đã mất"), "mat.docx", DocxType);
        var lostKey = await _db.DocumentAttachments.Where(a => a.DocumentId == lost.Id).Select(a => a.StoredFile!.StorageKey).SingleAsync();
        File.Delete(Path.Combine(_store.RootPath, lostKey[..2], lostKey));
        Assert.Equal(0, (await Search(true).SearchAsync(new SearchRequest(PdfPhrase, null, null, 1))).Total);
        Assert.Equal(0, (await Search(true).SearchAsync(new SearchRequest("dan van kheo", null, null, 1))).Total);

        var filled = await new FileTextBackfill(_db, _store, NullLogger<FileTextBackfill>.Instance).ExtractMissingAsync();

        Assert.Equal(3, filled);
        Assert.Equal(plan.Id, Assert.Single(Documents(await Search(true).SearchAsync(new SearchRequest("suy thoai", null, null, 1))).Hits).SourceId);
        Assert.Equal(report.Id, Assert.Single(Documents(await Search(true).SearchAsync(new SearchRequest("dan van kheo", null, null, 1))).Hits).SourceId);
        var texts = await _db.StoredFiles.AsNoTracking().ToDictionaryAsync(f => f.OriginalName, f => f.ExtractedText);
        Assert.Equal(string.Empty, texts["anh.png"]);
        // A file missing on disk is left unread, for a later run once it is restored.
        Assert.Null(texts["mat.docx"]);

        // Nothing is left to read: a second run changes nothing.
        Assert.Equal(0, await new FileTextBackfill(_db, _store, NullLogger<FileTextBackfill>.Instance).ExtractMissingAsync());
    }

    [Fact]
    public async Task SameContentUploadedAgain_FillsTheTextOfTheRecordStoredWithout()
    {
        var plan = await DocumentWithFileStoredBeforeSearchAsync("145/KH-STTTT", PlanPdf(), "ke-hoach.pdf", PdfType);
        Assert.Equal(0, (await Search(true).SearchAsync(new SearchRequest(PdfPhrase, null, null, 1))).Total);

        // Attached again to another document: the existing record is reused and its text read now.
        var again = await DocumentWithFileAsync("146/KH-STTTT", "Kế hoạch bổ sung", PlanPdf(), "ke-hoach-ban-sao.pdf", PdfType);

        Assert.Equal(1, await _db.StoredFiles.CountAsync());
        var hits = Documents(await Search(true).SearchAsync(new SearchRequest("suy thoai", null, null, 1))).Hits;
        Assert.Equal(new[] { plan.Id, again.Id }.Order(), hits.Select(h => h.SourceId).Order());
    }

    [Fact]
    public async Task SeededPlan_IsFoundByAPhraseOfItsPdf()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using (connection)
        await using (db)
        {
            var seeder = new DemoContentSeeder(db, new FileService(db, _store, Time), new HtmlCleaner(),
                new PortalClock(Time, PortalClock.FindZone("Asia/Ho_Chi_Minh")), NullLogger<DemoContentSeeder>.Instance);
            Assert.True(await seeder.SeedAsync());

            var planText = await db.DocumentAttachments.Where(a => a.Document!.Number == DemoContent.PlanNumber)
                .Select(a => a.StoredFile!.ExtractedText).SingleAsync();
            Assert.Contains("sự suy thoái về tư tưởng chính trị", planText, StringComparison.Ordinal);
            var hit = Assert.Single(Documents(await new SearchService(db, new Fts5SearchEngine(db), Time)
                .SearchAsync(new SearchRequest("suy thoai", null, null, 1))).Hits);
            Assert.Equal(DemoContent.PlanNumber, hit.Number);
        }
    }

    /// <summary>A document whose file was stored before text was read at upload: the record's text is null.</summary>
    private async Task<Document> DocumentWithFileStoredBeforeSearchAsync(string number, byte[] content, string fileName, string contentType)
    {
        using var upload = new MemoryStream(content);
        var key = await _store.SaveAsync(upload);
        var file = new StoredFile
        {
            OriginalName = fileName,
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            StorageKey = key,
            CreatedAt = Time.GetUtcNow().UtcDateTime,
        };
        var document = NewDocument(number, "Văn bản lưu trước khi có tìm kiếm");
        document.Attachments.Add(new DocumentAttachment { StoredFile = file, SortOrder = 1 });
        _db.Documents.Add(document);
        await _db.SaveChangesAsync();
        return document;
    }
}
