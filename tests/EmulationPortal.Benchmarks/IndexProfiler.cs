using System.Diagnostics;
using EmulationPortal.Data;
using EmulationPortal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>index-profile</c>: runs the app's <see cref="SearchIndexer.RebuildAsync"/> on a filled database inside a
/// transaction that is rolled back (the database is left as it was), timing the whole rebuild (reading the content,
/// HTML to text, folding, prepared inserts into SearchEntries whose triggers feed the FTS5 tables). Then the FTS5
/// tables alone: their own 'rebuild' from the SearchEntries rows, the tokenizing and index writing without any C#.
/// </summary>
internal static class IndexProfiler
{
    public static async Task RunAsync(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        await using var app = Filler.BuildApp(folder);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await TextPiecesAsync(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var total = Stopwatch.StartNew();
            var entries = await SearchIndexer.RebuildAsync(db);
            Console.WriteLine($"SearchIndexer.RebuildAsync: {entries:N0} entries in {total.Elapsed.TotalSeconds:F1} s (rolled back)");

            var fts = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchIndex(SearchIndex) VALUES('rebuild')");
            var full = fts.Elapsed.TotalSeconds;
            fts.Restart();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchTitleIndex(SearchTitleIndex) VALUES('rebuild')");
            Console.WriteLine($"FTS5 'rebuild' from the SearchEntries rows (tokenizing and writing the index only): SearchIndex {full:F1} s, SearchTitleIndex {fts.Elapsed.TotalSeconds:F1} s");
            await transaction.RollbackAsync();
        }
    }

    /// <summary>The text work of building an article entry, piece by piece, on the first 2,000 articles (CPU only).</summary>
    private static async Task TextPiecesAsync(PortalDbContext db)
    {
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Take(2_000).Select(a => new { a.Title, a.Summary, a.Body }).ToListAsync();
        if (articles.Count == 0)
        {
            return;
        }

        var texts = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var a in articles)
        {
            texts.Add(PlainText.FromHtml(a.Body));
        }

        var html = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var t in texts)
        {
            _ = Common.VietnameseText.Normalize(t);
        }

        var normalize = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var t in texts)
        {
            _ = SearchText.FoldedWords(t);
        }

        var folded = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var t in texts)
        {
            _ = SearchText.Fold(t);
        }

        var fold = watch.Elapsed.TotalMilliseconds;
        var chars = texts.Sum(t => (long)t.Length) / texts.Count;
        Console.WriteLine($"Text work per article ({articles.Count:N0} articles, {chars:N0} characters of body text on average), ms:");
        Console.WriteLine($"  PlainText.FromHtml {html / articles.Count:F3}   VietnameseText.Normalize {normalize / articles.Count:F3}   SearchText.FoldedWords {folded / articles.Count:F3} (of which SearchText.Fold {fold / articles.Count:F3})");
    }
}
