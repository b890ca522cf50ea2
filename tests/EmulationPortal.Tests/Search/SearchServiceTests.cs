using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.News;
using EmulationPortal.Search;
using EmulationPortal.Tests.Participation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Search;

/// <summary>Search against a migrated SQLite database in memory, through both engines (FTS5 and folded columns).</summary>
public sealed class SearchServiceTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
    private SqliteConnection _connection = null!;
    private PortalDbContext _db = null!;

    public static TheoryData<bool> Engines => new() { true, false };

    public async Task InitializeAsync() => (_connection, _db) = await DashboardTestData.InMemoryAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private SearchService Service(bool fts) =>
        new(_db, fts ? new Fts5SearchEngine(_db) : new FoldedColumnSearchEngine(_db), Time);

    private async Task<Article> ArticleAsync(string title, string body, DateTime publishedUtc, bool publish = true)
    {
        var article = new Article { Title = title, Slug = VietnameseText.Slugify(title), Summary = string.Empty, Body = body, CreatedAt = publishedUtc, UpdatedAt = publishedUtc };
        if (publish)
        {
            article.Publish(publishedUtc);
        }

        _db.Articles.Add(article);
        await _db.SaveChangesAsync();
        return article;
    }

    private static SearchRequest Ask(string? q, SearchGroup? group = null, int? year = null, int page = 1) => new(q, group, year, page);

    private static IEnumerable<string> Titles(SearchResults results, SearchGroup group) =>
        results.Groups.Single(g => g.Group == group).Hits.Select(h => string.Concat(h.Title.Select(p => p.Text)));

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task UnaccentedAndAccentedQueries_FindTheSameArticles(bool fts)
    {
        await ArticleAsync("Phát động thi đua yêu nước năm 2026", "<p>Toàn thể cán bộ hưởng ứng.</p>", new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc));
        await ArticleAsync("Hội nghị tổng kết công tác khen thưởng", "<p>Biểu dương tập thể có thành tích thi đua xuất sắc.</p>", new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc));
        await ArticleAsync("Lịch tiếp công dân", "<p>Không liên quan.</p>", new DateTime(2026, 5, 1, 2, 0, 0, DateTimeKind.Utc));

        foreach (var q in new[] { "thi dua", "thi đua", "THI ĐUA", "Thi Đua" })
        {
            var results = await Service(fts).SearchAsync(Ask(q));
            var news = results.Groups.Single(g => g.Group == SearchGroup.News);
            Assert.Equal(2, news.Count);
            // Title matches before body matches.
            Assert.Equal("Phát động thi đua yêu nước năm 2026", Titles(results, SearchGroup.News).First());
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task DocumentNumber_IsFoundFirst_WithOrWithoutTheD(bool fts)
    {
        var type = new DocumentType { Code = "QĐ", Name = "Quyết định" };
        _db.DocumentTypes.Add(type);
        _db.Documents.AddRange(
            new Document { DocumentType = type, Number = "15/QĐ-UBND", IssuedOn = new DateOnly(2025, 1, 2), Issuer = "UBND tỉnh", Abstract = "Về việc khen thưởng", CreatedAt = DateTime.UtcNow },
            new Document { DocumentType = type, Number = "16/QĐ-UBND", IssuedOn = new DateOnly(2025, 3, 2), Issuer = "UBND tỉnh", Abstract = "Thay thế Quyết định số 15/QĐ-UBND", CreatedAt = DateTime.UtcNow });
        await _db.SaveChangesAsync();

        foreach (var q in new[] { "15/QĐ-UBND", "15/QD-UBND", "15/qd-ubnd" })
        {
            var results = await Service(fts).SearchAsync(Ask(q));
            var documents = results.Groups.Single(g => g.Group == SearchGroup.Documents);
            Assert.Equal(2, documents.Count);
            Assert.Equal("15/QĐ-UBND", documents.Hits[0].Number);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Index_FollowsEditUnpublishAndDelete(bool fts)
    {
        var article = await ArticleAsync("Gương người tốt việc tốt", "<p>Anh Nguyễn Văn Hùng nhặt được ví.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await Service(fts).SearchAsync(Ask("nguoi tot"))).Total);

        article.Title = "Gương điển hình tiên tiến";
        await _db.SaveChangesAsync();
        Assert.Equal(0, (await Service(fts).SearchAsync(Ask("nguoi tot"))).Total);
        Assert.Equal(1, (await Service(fts).SearchAsync(Ask("dien hinh"))).Total);

        article.Status = ArticleStatus.Draft;
        await _db.SaveChangesAsync();
        Assert.Equal(0, (await Service(fts).SearchAsync(Ask("dien hinh"))).Total);

        article.Publish(new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        await _db.SaveChangesAsync();
        Assert.Equal(1, (await Service(fts).SearchAsync(Ask("dien hinh"))).Total);

        _db.Articles.Remove(article);
        await _db.SaveChangesAsync();
        Assert.Equal(0, (await Service(fts).SearchAsync(Ask("dien hinh"))).Total);
        Assert.Equal(0, await _db.SearchEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ANewPublicationDate_MovesTheEntry_AndKeepsOneEntryPerArticle(bool fts)
    {
        var older = await ArticleAsync("Tin thi đua tháng Hai", "<p>Một.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        await ArticleAsync("Tin thi đua tháng Ba", "<p>Hai.</p>", new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(["Tin thi đua tháng Ba", "Tin thi đua tháng Hai"], Titles(await Service(fts).SearchAsync(Ask("thi dua")), SearchGroup.News));

        // Re-dated after the other: the FTS row id (the rank key) changes, so the entry is replaced in one save.
        older.Publish(new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc));
        await _db.SaveChangesAsync();

        Assert.Equal(["Tin thi đua tháng Hai", "Tin thi đua tháng Ba"], Titles(await Service(fts).SearchAsync(Ask("thi dua")), SearchGroup.News));
        Assert.Equal(2, await _db.SearchEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ArticleScheduledForLater_IsNotFoundBeforeItsTime(bool fts)
    {
        await ArticleAsync("Thông báo lịch thi đua quý III", "<p>Sắp đăng.</p>", new DateTime(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, (await Service(fts).SearchAsync(Ask("lich thi dua"))).Total);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task BadInput_GivesANormalEmptyOrFilteredResult(bool fts)
    {
        await ArticleAsync("Thi đua khen thưởng", "<p>Nội dung.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        string[] inputs =
        [
            "", "   ", new string('a', 2000), "!!! ??? ...", "\"", "\"thi", "thi*", "NEAR(thi dua)", "thi OR dua", "-thi", "Tags:k2",
            "TitleFolded:thi", "'; DROP TABLE Articles; --", "<script>alert(1)</script>", "{TitleFolded}:x", "^thi", "thi AND", "(",
        ];
        foreach (var q in inputs)
        {
            var results = await Service(fts).SearchAsync(Ask(q, page: 9999));
            Assert.NotNull(results);
        }

        Assert.Equal(1, (await Service(fts).SearchAsync(Ask("\"thi đua"))).Total);
        Assert.Equal(0, (await Service(fts).SearchAsync(Ask("k2"))).Total);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task QuotedPhrase_MatchesOnlyTheWordsInOrder(bool fts)
    {
        await ArticleAsync("Khen thưởng thi đua", "<p>Một.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        await ArticleAsync("Thi đua và khen thưởng", "<p>Hai.</p>", new DateTime(2026, 2, 2, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(2, (await Service(fts).SearchAsync(Ask("thi dua khen thuong"))).Total);
        var phrase = await Service(fts).SearchAsync(Ask("\"thi dua khen thuong\""));
        Assert.Equal(0, phrase.Total);
        Assert.Equal(["Khen thưởng thi đua"], Titles(await Service(fts).SearchAsync(Ask("\"khen thuong thi dua\"")), SearchGroup.News));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AccentedQuery_RanksExactAccentTitlesFirst_ThenNewest(bool fts)
    {
        await ArticleAsync("Đá bóng giao hữu", "<p>Thể thao.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        await ArticleAsync("Da giày xuất khẩu", "<p>Kinh tế.</p>", new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["Đá bóng giao hữu", "Da giày xuất khẩu"], Titles(await Service(fts).SearchAsync(Ask("đá")), SearchGroup.News));
        // Unaccented: newest first.
        Assert.Equal(["Da giày xuất khẩu", "Đá bóng giao hữu"], Titles(await Service(fts).SearchAsync(Ask("da")), SearchGroup.News));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Matches_AreHighlightedInTitleAndSnippet(bool fts)
    {
        await ArticleAsync("Phong trào thi đua yêu nước", "<p>Cán bộ <b>hưởng ứng</b> phong trào thi đua sôi nổi.</p>", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc));
        var hit = Assert.Single((await Service(fts).SearchAsync(Ask("thi dua"))).Groups.Single(g => g.Group == SearchGroup.News).Hits);
        Assert.Equal(["thi", "đua"], hit.Title.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.Equal(["thi", "đua"], hit.Snippet.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.Contains("hưởng ứng phong trào", string.Concat(hit.Snippet.Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task GroupAndYear_FilterAndPage(bool fts)
    {
        for (var i = 0; i < 25; i++)
        {
            _db.Articles.Add(NewArticle($"Tin thi đua số {i}", new DateTime(2025, 1, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(i)));
        }

        _db.Articles.Add(NewArticle("Tin thi đua năm 2026", new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc)));
        _db.Campaigns.Add(new Campaign { Title = "Phong trào thi đua 2025", Slug = "pt-2025", StartsOn = new DateOnly(2025, 1, 1), IsPublished = true });
        await _db.SaveChangesAsync();

        var overview = await Service(fts).SearchAsync(Ask("thi dua"));
        Assert.Equal(26, overview.Groups.Single(g => g.Group == SearchGroup.News).Count);
        Assert.Equal(SearchService.OverviewSize, overview.Groups.Single(g => g.Group == SearchGroup.News).Hits.Count);
        Assert.Equal(1, overview.Groups.Single(g => g.Group == SearchGroup.Campaigns).Count);

        var page2 = await Service(fts).SearchAsync(Ask("thi dua", SearchGroup.News, 2025, 2));
        Assert.Equal(25, page2.Groups.Single(g => g.Group == SearchGroup.News).Count);
        Assert.Equal(2, page2.PageCount);
        Assert.Equal(5, page2.Groups.Single(g => g.Group == SearchGroup.News).Hits.Count);
        Assert.Equal("Tin thi đua số 4", Titles(page2, SearchGroup.News).First());

        var beyond = await Service(fts).SearchAsync(Ask("thi dua", SearchGroup.News, 2025, 99));
        Assert.True(beyond.PageOutOfRange);
        Assert.Empty(beyond.Groups.Single(g => g.Group == SearchGroup.News).Hits);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task CountsStopPastTheLimit_AndPagingStopsAtItsLastPage(bool fts)
    {
        for (var i = 0; i < SearchService.MaxCount + 5; i++)
        {
            _db.Articles.Add(NewArticle($"Tin khen thưởng số {i}", new DateTime(2025, 1, 1, 2, 0, 0, DateTimeKind.Utc).AddHours(i)));
        }

        await _db.SaveChangesAsync();

        var results = await Service(fts).SearchAsync(Ask("khen thuong", SearchGroup.News, page: 50));
        var news = results.Groups.Single(g => g.Group == SearchGroup.News);
        Assert.Equal(SearchService.MaxCount + 1, news.Count);
        Assert.Equal(SearchService.MaxCount / SearchService.PageSize, results.PageCount);
        Assert.Equal(SearchService.PageSize, news.Hits.Count);
        Assert.True((await Service(fts).SearchAsync(Ask("khen thuong", SearchGroup.News, page: 51))).PageOutOfRange);
    }

    private static Article NewArticle(string title, DateTime publishedUtc)
    {
        var article = new Article { Title = title, Slug = VietnameseText.Slugify(title), Body = "<p>Nội dung.</p>", CreatedAt = publishedUtc, UpdatedAt = publishedUtc };
        article.Publish(publishedUtc);
        return article;
    }
}
