using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Documents;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.News;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmulationPortal.Seeding;

/// <summary>
/// Fills an empty database with the demo organisation and content, in one transaction. It runs only while the
/// organisation has not been set up, so a second run (or a restart) adds nothing, and content an editor deleted
/// later never comes back.
/// </summary>
public sealed class DemoContentSeeder(PortalDbContext db, FileService files, HtmlCleaner cleaner, PortalClock clock, ILogger<DemoContentSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.OrganisationSettings.AnyAsync(cancellationToken) || await db.Campaigns.AnyAsync(cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.UtcNow;

        var block = new EmulationBlock { Name = "Khối thi đua Khối 3", Description = "Khối thi đua các sở, ban, ngành cấp tỉnh" };
        db.EmulationBlocks.Add(block);
        db.OrganisationSettings.Add(new OrganisationSettings
        {
            ParentName = "Ủy ban nhân dân tỉnh",
            Name = "Sở Thông tin và Truyền thông",
            Address = "Số 01, đường Hùng Vương, phường Trung tâm, tỉnh (địa chỉ mẫu)",
            Phone = "0200 3 800 000",
            Email = "vanphong@stttt.example.gov.vn",
            ContentResponsible = "Giám đốc Sở Thông tin và Truyền thông",
            EmulationBlock = block,
        });

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (name, kind, parent) in DemoContent.Units)
        {
            var unit = new Unit { Name = name, Kind = kind, SortOrder = ++order, Parent = parent is null ? null : units[parent] };
            units[name] = unit;
            db.Units.Add(unit);
        }

        var staff = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var (name, position, gender, unit) in DemoContent.Staff)
        {
            var member = new StaffMember { FullName = name, Position = position, Gender = gender, Unit = units[unit] };
            staff[member.FullName] = member;
            db.StaffMembers.Add(member);
        }

        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        order = 0;
        foreach (var name in DemoContent.Fields)
        {
            var field = new Field { Name = name, Slug = VietnameseText.Slugify(name), SortOrder = ++order };
            fields[name] = field;
            db.Fields.Add(field);
        }

        var types = new Dictionary<string, DocumentType>(StringComparer.Ordinal);
        order = 0;
        foreach (var (code, name) in DemoContent.DocumentTypes)
        {
            var type = new DocumentType { Code = code, Name = name, SortOrder = ++order };
            types[name] = type;
            db.DocumentTypes.Add(type);
        }

        var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var seed in DemoContent.Documents)
        {
            var document = new Document
            {
                DocumentType = types[seed.Type],
                Number = seed.Number,
                IssuedOn = seed.IssuedOn,
                Issuer = seed.Issuer,
                Signer = seed.Signer,
                Abstract = seed.Abstract,
                Recipients = seed.Recipients,
                CreatedAt = now,
            };
            documents[seed.Number] = document;
            db.Documents.Add(document);
        }

        await using (var plan = typeof(DemoContentSeeder).Assembly.GetManifestResourceStream(DemoContent.PlanFileResource)
            ?? throw new InvalidOperationException("The plan's PDF is missing from the assembly."))
        {
            var pdf = await files.StoreAsync(plan, DemoContent.PlanFileName, "application/pdf", cancellationToken);
            documents[DemoContent.PlanNumber].Attachments.Add(new DocumentAttachment { StoredFile = pdf, SortOrder = 1 });
        }

        var campaigns = new Dictionary<string, Campaign>(StringComparer.Ordinal);
        foreach (var seed in DemoContent.Campaigns(clock.Today.Year))
        {
            var campaign = new Campaign
            {
                Title = seed.Title,
                Slug = VietnameseText.Slugify(seed.Title),
                Kind = seed.Kind,
                Scope = seed.Scope,
                LaunchedBy = seed.LaunchedBy,
                LaunchedOn = seed.LaunchedOn,
                StartsOn = seed.StartsOn,
                EndsOn = seed.EndsOn,
                IsFeatured = seed.Featured,
                IsPublished = true,
                Summary = seed.Summary,
                Content = cleaner.Clean(seed.Content),
                Fields = seed.Fields.Select(f => fields[f]).ToList(),
                Documents = seed.Documents.Select(d => documents[d]).ToList(),
            };
            campaigns[seed.Title] = campaign;
            db.Campaigns.Add(campaign);
        }

        foreach (var seed in DemoContent.Articles)
        {
            var article = new Article
            {
                Title = seed.Title,
                Slug = VietnameseText.Slugify(seed.Title),
                Summary = seed.Summary,
                Body = cleaner.Clean(seed.Body),
                Campaign = seed.Campaign is null ? null : campaigns[seed.Campaign],
                Fields = seed.Fields.Select(f => fields[f]).ToList(),
                CreatedAt = seed.PublishedAtUtc,
                UpdatedAt = seed.PublishedAtUtc,
            };
            article.Publish(seed.PublishedAtUtc);
            db.Articles.Add(article);
        }

        var awards = new Dictionary<string, AwardType>(StringComparer.Ordinal);
        order = 0;
        foreach (var seed in DemoContent.AwardTypes)
        {
            var award = new AwardType { Name = seed.Name, Category = seed.Category, RecipientKind = seed.Recipient, Level = seed.Level, SortOrder = ++order };
            awards[seed.Name] = award;
            db.AwardTypes.Add(award);
        }

        foreach (var seed in DemoContent.Commendations)
        {
            var commendation = new Commendation
            {
                Year = seed.Year,
                DecisionNumber = seed.DecisionNumber,
                DecidedOn = seed.DecidedOn,
                DecidedBy = seed.DecidedBy,
                Achievement = seed.Achievement,
                Campaign = seed.Campaign is null ? null : campaigns[seed.Campaign],
                Field = seed.Field is null ? null : fields[seed.Field],
                IsFeatured = seed.Story is not null,
                Story = cleaner.Clean(seed.Story),
                CreatedAt = now,
            };
            if (seed.IsUnit)
            {
                commendation.AwardTo(awards[seed.Award], units[seed.Recipient]);
            }
            else
            {
                commendation.AwardTo(awards[seed.Award], staff[seed.Recipient]);
            }

            db.Commendations.Add(commendation);
        }

        DemoParticipation.Add(db, campaigns, units, clock.Today, now);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the demo content: {Campaigns} campaigns, {Documents} documents, {Articles} articles, {Commendations} commendations",
            campaigns.Count, documents.Count, DemoContent.Articles.Length, DemoContent.Commendations.Length);
        return true;
    }
}
