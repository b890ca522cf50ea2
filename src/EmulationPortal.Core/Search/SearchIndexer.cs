using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EmulationPortal.Search;

/// <summary>What a pending save changes in the search index: sources to re-read, and renames that reach further.</summary>
public sealed class SearchChanges
{
    public HashSet<(SearchKind Kind, int Id)> Sources { get; } = [];

    /// <summary>Units renamed: their members' entries name the unit.</summary>
    public HashSet<int> Units { get; } = [];

    /// <summary>Award types renamed: their honorees' entries name the award.</summary>
    public HashSet<int> AwardTypes { get; } = [];

    /// <summary>Files whose extracted text changed: the documents they are attached to.</summary>
    public HashSet<int> Files { get; } = [];

    /// <summary>Rows the save adds: their keys are known only after it.</summary>
    public List<object> Added { get; } = [];

    public bool IsEmpty => Sources.Count == 0 && Units.Count == 0 && AwardTypes.Count == 0 && Files.Count == 0;
}

/// <summary>
/// Writes <see cref="SearchEntry"/> rows from the content. <see cref="PortalDbContext"/> calls <see cref="Collect"/>
/// before a save and <see cref="RefreshAsync"/> after it, in the same transaction, so the index follows every
/// publish, edit, unpublish and delete; <see cref="RebuildAsync"/> writes it whole (first start, admin request).
/// </summary>
public static class SearchIndexer
{
    private const int BatchSize = 500;

    private static readonly TimeZoneInfo PortalZone = PortalClock.FindZone(null);

    /// <summary>The search-relevant changes of a pending save; null when there are none.</summary>
    public static SearchChanges? Collect(ChangeTracker changeTracker)
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        var changes = new SearchChanges();
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.State == EntityState.Added && entry.Entity is Campaign or Article or Document or DocumentAttachment or Commendation)
            {
                changes.Added.Add(entry.Entity);
            }

            switch (entry.Entity)
            {
                case Campaign c:
                    changes.Sources.Add((SearchKind.Campaign, c.Id));
                    break;
                case Article a:
                    changes.Sources.Add((SearchKind.Article, a.Id));
                    break;
                case Document d:
                    changes.Sources.Add((SearchKind.Document, d.Id));
                    break;
                case DocumentAttachment:
                    changes.Sources.Add((SearchKind.Document, Original<int>(entry, nameof(DocumentAttachment.DocumentId))));
                    changes.Sources.Add((SearchKind.Document, Current<int>(entry, nameof(DocumentAttachment.DocumentId))));
                    break;
                case StoredFile f when entry.State == EntityState.Modified && entry.Property(nameof(StoredFile.ExtractedText)).IsModified:
                    changes.Files.Add(f.Id);
                    break;
                case Commendation:
                    AddSource(changes.Sources, Original<int?>(entry, nameof(Commendation.StaffMemberId)), Original<int?>(entry, nameof(Commendation.UnitId)));
                    AddSource(changes.Sources, Current<int?>(entry, nameof(Commendation.StaffMemberId)), Current<int?>(entry, nameof(Commendation.UnitId)));
                    break;
                case StaffMember s when entry.State != EntityState.Added:
                    changes.Sources.Add((SearchKind.Person, s.Id));
                    break;
                case Unit u when entry.State != EntityState.Added:
                    changes.Sources.Add((SearchKind.Unit, u.Id));
                    changes.Units.Add(u.Id);
                    break;
                case AwardType t when entry.State == EntityState.Modified:
                    changes.AwardTypes.Add(t.Id);
                    break;
            }
        }

        // Keys of added rows are temporary (negative or zero) until the save; refresh re-reads them afterwards.
        return changes.IsEmpty ? null : changes;

        static T Original<T>(EntityEntry entry, string property) =>
            entry.State == EntityState.Added ? Current<T>(entry, property) : (T)entry.Property(property).OriginalValue!;

        static T Current<T>(EntityEntry entry, string property) => (T)entry.Property(property).CurrentValue!;
    }

    /// <summary>Re-reads the changed sources after their save and writes their entries (or removes them).</summary>
    public static async Task RefreshAsync(PortalDbContext db, SearchChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);

        // Ids of rows added by the save are known now.
        var sources = changes.Sources.Where(s => s.Id > 0).ToHashSet();
        foreach (var entity in changes.Added)
        {
            switch (entity)
            {
                case Campaign c: sources.Add((SearchKind.Campaign, c.Id)); break;
                case Article a: sources.Add((SearchKind.Article, a.Id)); break;
                case Document d: sources.Add((SearchKind.Document, d.Id)); break;
                case DocumentAttachment a: sources.Add((SearchKind.Document, a.DocumentId)); break;
                case Commendation c: AddSource(sources, c.StaffMemberId, c.UnitId); break;
            }
        }

        if (changes.Units.Count > 0)
        {
            var members = await db.StaffMembers.AsNoTracking().Where(s => changes.Units.Contains(s.UnitId)).Select(s => s.Id).ToListAsync(cancellationToken);
            sources.UnionWith(members.Select(id => (SearchKind.Person, id)));
        }

        if (changes.AwardTypes.Count > 0)
        {
            var honored = await db.Commendations.AsNoTracking().Where(c => changes.AwardTypes.Contains(c.AwardTypeId))
                .Select(c => new { c.StaffMemberId, c.UnitId }).Distinct().ToListAsync(cancellationToken);
            foreach (var h in honored)
            {
                AddSource(sources, h.StaffMemberId, h.UnitId);
            }
        }

        if (changes.Files.Count > 0)
        {
            var documents = await db.DocumentAttachments.AsNoTracking().Where(a => changes.Files.Contains(a.StoredFileId))
                .Select(a => a.DocumentId).Distinct().ToListAsync(cancellationToken);
            sources.UnionWith(documents.Select(id => (SearchKind.Document, id)));
        }

        foreach (var group in sources.GroupBy(s => s.Kind))
        {
            foreach (var chunk in group.Select(s => s.Id).Chunk(BatchSize))
            {
                var built = await BuildAsync(db, group.Key, chunk, cancellationToken);
                var existing = await db.SearchEntries.Where(e => e.Kind == group.Key && chunk.Contains(e.SourceId)).ToListAsync(cancellationToken);
                foreach (var old in existing)
                {
                    if (!built.TryGetValue(old.SourceId, out var fresh))
                    {
                        db.SearchEntries.Remove(old);
                    }
                    else if (old.RankKey != fresh.RankKey)
                    {
                        // The FTS row id is the rank key: a new date means a new row.
                        db.SearchEntries.Remove(old);
                        db.SearchEntries.Add(fresh);
                    }
                    else
                    {
                        CopyInto(old, fresh);
                    }

                    built.Remove(old.SourceId);
                }

                db.SearchEntries.AddRange(built.Values);
            }
        }
    }

    /// <summary>Writes the whole index again from the content; returns the number of entries.</summary>
    public static async Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SearchEntries.ExecuteDeleteAsync(cancellationToken);
        var total = 0;
        await using var writer = await SearchEntryWriter.OpenAsync(db, cancellationToken);
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            var ids = kind switch
            {
                SearchKind.Campaign => db.Campaigns.Select(c => c.Id),
                SearchKind.Article => db.Articles.Select(a => a.Id),
                SearchKind.Document => db.Documents.Select(d => d.Id),
                SearchKind.Person => db.Commendations.Where(c => c.StaffMemberId != null).Select(c => c.StaffMemberId!.Value).Distinct(),
                _ => db.Commendations.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct(),
            };
            var all = await ids.OrderBy(id => id).ToListAsync(cancellationToken);
            foreach (var chunk in all.Chunk(BatchSize))
            {
                var built = await BuildAsync(db, kind, chunk, cancellationToken);
                foreach (var entry in built.Values)
                {
                    await writer.InsertAsync(entry, cancellationToken);
                }

                total += built.Count;
            }
        }

        return total;
    }

    /// <summary>The FTS row id: newer dates sort higher; kind and source make it unique within a day.</summary>
    public static long RankKeyOf(DateOnly date, SearchKind kind, int sourceId) =>
        ((long)date.DayNumber << 26) | ((long)kind << 22) | (sourceId & 0x3FFFFFL);

    /// <summary>The honoree entries a commendation's recipient touches; keys of rows not saved yet (zero or less) are left out.</summary>
    private static void AddSource(HashSet<(SearchKind, int)> sources, int? staffMemberId, int? unitId)
    {
        if (staffMemberId is > 0 and { } p)
        {
            sources.Add((SearchKind.Person, p));
        }

        if (unitId is > 0 and { } u)
        {
            sources.Add((SearchKind.Unit, u));
        }
    }

    private static void CopyInto(SearchEntry target, SearchEntry source)
    {
        target.SortDate = source.SortDate;
        target.VisibleFrom = source.VisibleFrom;
        target.Years = source.Years;
        target.Title = source.Title;
        target.Number = source.Number;
        target.Slug = source.Slug;
        target.Text = source.Text;
        target.TitleExact = source.TitleExact;
        target.TitleFolded = source.TitleFolded;
        target.NumberFolded = source.NumberFolded;
        target.TextFolded = source.TextFolded;
        target.Tags = source.Tags;
    }

    private static async Task<Dictionary<int, SearchEntry>> BuildAsync(PortalDbContext db, SearchKind kind, int[] ids, CancellationToken cancellationToken) =>
        kind switch
        {
            SearchKind.Campaign => await CampaignsAsync(db, ids, cancellationToken),
            SearchKind.Article => await ArticlesAsync(db, ids, cancellationToken),
            SearchKind.Document => await DocumentsAsync(db, ids, cancellationToken),
            SearchKind.Person => await PeopleAsync(db, ids, cancellationToken),
            _ => await UnitsAsync(db, ids, cancellationToken),
        };

    private static async Task<Dictionary<int, SearchEntry>> CampaignsAsync(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id) && c.IsPublished)
            .Select(c => new { c.Id, c.Title, c.Slug, c.Summary, c.Content, c.LaunchedBy, c.StartsOn, c.EndsOn })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(c => c.Id, c =>
        {
            var last = Math.Min((c.EndsOn ?? c.StartsOn).Year, c.StartsOn.Year + 20);
            var years = Enumerable.Range(c.StartsOn.Year, Math.Max(1, last - c.StartsOn.Year + 1));
            return Entry(SearchKind.Campaign, c.Id, c.StartsOn, null, years, c.Title, string.Empty, c.Slug,
                Join(c.Summary, PlainText.FromHtml(c.Content), c.LaunchedBy));
        });
    }

    private static async Task<Dictionary<int, SearchEntry>> ArticlesAsync(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published && a.PublishedAt != null)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Summary, a.Body, a.PublishedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(a => a.Id, a =>
        {
            // The public pages date articles in Vietnam's time; the year filter follows them.
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(a.PublishedAt!.Value, PortalZone));
            return Entry(SearchKind.Article, a.Id, local, a.PublishedAt, [local.Year], a.Title, string.Empty, a.Slug,
                Join(a.Summary, PlainText.FromHtml(a.Body)));
        });
    }

    private static async Task<Dictionary<int, SearchEntry>> DocumentsAsync(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.Abstract, d.Issuer, d.Signer, d.IssuedOn })
            .ToListAsync(cancellationToken);
        var files = (await db.DocumentAttachments.AsNoTracking().Where(a => ids.Contains(a.DocumentId))
                .OrderBy(a => a.DocumentId).ThenBy(a => a.SortOrder)
                .Select(a => new { a.DocumentId, a.StoredFile!.OriginalName, a.StoredFile.ExtractedText })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.DocumentId);
        return rows.ToDictionary(d => d.Id, d =>
        {
            var attached = files[d.Id].Select(f => f.ExtractedText ?? string.Empty);
            return Entry(SearchKind.Document, d.Id, d.IssuedOn, null, [d.IssuedOn.Year], d.Abstract, d.Number, string.Empty,
                Join([d.Issuer, d.Signer, .. attached]));
        });
    }

    private static async Task<Dictionary<int, SearchEntry>> PeopleAsync(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var people = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.FullName, s.Position, UnitName = s.Unit!.Name })
            .ToListAsync(cancellationToken);
        var honors = (await Honors(db.Commendations.Where(c => c.StaffMemberId != null && ids.Contains(c.StaffMemberId.Value)), cancellationToken))
            .ToLookup(h => h.StaffMemberId);
        return people.Where(p => honors[p.Id].Any()).ToDictionary(p => p.Id, p =>
        {
            var list = honors[p.Id].ToList();
            return Entry(SearchKind.Person, p.Id, list.Max(h => h.DecidedOn), null, list.Select(h => h.Year), p.FullName, string.Empty, string.Empty,
                Join([p.Position, p.UnitName, .. list.SelectMany(HonorText)]));
        });
    }

    private static async Task<Dictionary<int, SearchEntry>> UnitsAsync(PortalDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var honors = (await Honors(db.Commendations.Where(c => c.UnitId != null && ids.Contains(c.UnitId.Value)), cancellationToken))
            .ToLookup(h => h.UnitId);
        return units.Where(u => honors[u.Id].Any()).ToDictionary(u => u.Id, u =>
        {
            var list = honors[u.Id].ToList();
            return Entry(SearchKind.Unit, u.Id, list.Max(h => h.DecidedOn), null, list.Select(h => h.Year), u.Name, string.Empty, string.Empty,
                Join(list.SelectMany(HonorText)));
        });
    }

    private static Task<List<HonorRow>> Honors(IQueryable<Commendation> query, CancellationToken cancellationToken) =>
        query.AsNoTracking()
            .OrderByDescending(c => c.DecidedOn)
            .Select(c => new HonorRow(c.StaffMemberId, c.UnitId, c.Year, c.DecidedOn, c.AwardType!.Name, c.DecisionNumber, c.Achievement, c.Story))
            .ToListAsync(cancellationToken);

    private static IEnumerable<string> HonorText(HonorRow h) =>
        [h.AwardName, h.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), h.DecisionNumber, h.Achievement, PlainText.FromHtml(h.Story)];

    private static string Join(params IEnumerable<string?> parts) =>
        SearchText.Cap(string.Join(" · ", parts.Select(PlainText.Squeeze).Where(p => p.Length > 0)));

    private static SearchEntry Entry(
        SearchKind kind, int id, DateOnly sortDate, DateTime? visibleFrom, IEnumerable<int> years, string title, string number, string slug, string text)
    {
        var yearList = years.Distinct().Order().ToList();
        var group = GroupOf(kind);
        title = VietnameseText.Normalize(title);
        number = VietnameseText.Normalize(number);
        return new SearchEntry
        {
            Kind = kind,
            SourceId = id,
            RankKey = RankKeyOf(sortDate, kind, id),
            SortDate = sortDate,
            VisibleFrom = visibleFrom,
            Years = " " + string.Join(' ', yearList) + " ",
            Title = title,
            Number = number,
            Slug = slug,
            Text = VietnameseText.Normalize(text),
            TitleExact = SearchText.ExactWords(title + " " + number),
            TitleFolded = SearchText.FoldedWords(title + " " + number),
            NumberFolded = SearchText.Fold(number),
            TextFolded = SearchText.FoldedWords(text),
            Tags = $"k{(int)group} " + string.Join(' ', yearList.Select(y => $"y{y}")),
        };
    }

    public static SearchGroup GroupOf(SearchKind kind) => kind switch
    {
        SearchKind.Campaign => SearchGroup.Campaigns,
        SearchKind.Article => SearchGroup.News,
        SearchKind.Document => SearchGroup.Documents,
        _ => SearchGroup.Honorees,
    };

    private sealed record HonorRow(int? StaffMemberId, int? UnitId, int Year, DateOnly DecidedOn, string AwardName, string DecisionNumber, string Achievement, string Story);
}
