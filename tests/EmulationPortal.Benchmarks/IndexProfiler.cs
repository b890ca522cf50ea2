using System.Diagnostics;
using EmulationPortal.Data;
using EmulationPortal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>index-profile</c>: runs the app's <see cref="SearchIndexer.RebuildAsync"/> on a filled database inside a
/// transaction that is rolled back (the database is left as it was), timing per kind of entry the time spent
/// building entries (reading the content, HTML to text, folding) and the time spent saving them (EF inserts into
/// SearchEntries, whose trigger feeds the FTS5 table). Then the FTS5 table alone: its own 'rebuild' from the
/// SearchEntries rows, which is the tokenizing and index writing without any C#.
/// </summary>
internal static class IndexProfiler
{
    public static async Task RunAsync(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        await using var app = Filler.BuildApp(folder);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var build = new Dictionary<SearchKind, double>();
        var save = new Dictionary<SearchKind, double>();
        var rows = new Dictionary<SearchKind, int>();

        await TextPiecesAsync(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var total = Stopwatch.StartNew();
            var sinceSave = Stopwatch.StartNew();
            var entries = await SearchIndexer.RebuildAsync(db, async () =>
            {
                var added = db.ChangeTracker.Entries<SearchEntry>().Select(e => e.Entity).ToList();
                var kind = added.Count > 0 ? added[0].Kind : SearchKind.Campaign;
                build[kind] = build.GetValueOrDefault(kind) + sinceSave.Elapsed.TotalSeconds;
                rows[kind] = rows.GetValueOrDefault(kind) + added.Count;
                var watch = Stopwatch.StartNew();
                await db.SaveChangesAsync();
                save[kind] = save.GetValueOrDefault(kind) + watch.Elapsed.TotalSeconds;
                sinceSave.Restart();
            });
            Console.WriteLine($"SearchIndexer.RebuildAsync: {entries:N0} entries in {total.Elapsed.TotalSeconds:F1} s (rolled back)");
            Console.WriteLine($"  {"kind",-10} {"entries",9} {"build s",9} {"save s",9} {"ms/entry",9}");
            foreach (var kind in rows.Keys)
            {
                Console.WriteLine($"  {kind,-10} {rows[kind],9:N0} {build[kind],9:F1} {save[kind],9:F1} {(build[kind] + save[kind]) * 1000 / rows[kind],9:F2}");
            }

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
