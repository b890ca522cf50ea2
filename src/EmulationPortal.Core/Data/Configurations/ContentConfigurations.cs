using EmulationPortal.Campaigns;
using EmulationPortal.Documents;
using EmulationPortal.Fields;
using EmulationPortal.Files;
using EmulationPortal.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Slug).HasMaxLength(120).IsRequired();
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasIndex(f => f.SortOrder);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.OriginalName).HasMaxLength(255).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(150).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(f => f.StorageKey).HasMaxLength(32).IsFixedLength().IsUnicode(false).IsRequired();
        builder.HasIndex(f => f.Sha256).IsUnique();
        builder.HasIndex(f => f.StorageKey).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(400).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(120).IsUnicode(false).IsRequired();
        builder.Property(c => c.LaunchedBy).HasMaxLength(200);
        builder.Property(c => c.Summary).HasMaxLength(1000);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => new { c.StartsOn, c.EndsOn });
        builder.HasIndex(c => new { c.IsPublished, c.StartsOn, c.EndsOn });
        builder.HasIndex(c => new { c.IsFeatured, c.StartsOn });
        builder.HasIndex(c => c.Kind);
        builder.HasOne(c => c.CoverImage).WithMany().HasForeignKey(c => c.CoverImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Fields).WithMany().UsingEntity(
            "CampaignFields",
            r => r.HasOne(typeof(Field)).WithMany().HasForeignKey("FieldId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Campaign)).WithMany().HasForeignKey("CampaignId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("CampaignId", "FieldId"));
        builder.HasMany(c => c.Documents).WithMany(d => d.Campaigns).UsingEntity(
            "CampaignDocuments",
            r => r.HasOne(typeof(Document)).WithMany().HasForeignKey("DocumentId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Campaign)).WithMany().HasForeignKey("CampaignId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("CampaignId", "DocumentId"));
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(400).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(120).IsUnicode(false).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.CampaignId, a.Status, a.PublishedAt });
        builder.HasOne(a => a.Campaign).WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.CoverImage).WithMany().HasForeignKey(a => a.CoverImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Fields).WithMany().UsingEntity(
            "ArticleFields",
            r => r.HasOne(typeof(Field)).WithMany().HasForeignKey("FieldId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("ArticleId", "FieldId"));
    }
}

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(DocumentNumber.MaxLength).IsRequired();
        builder.Property(d => d.Issuer).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Signer).HasMaxLength(150);
        builder.Property(d => d.Abstract).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.Recipients).HasMaxLength(2000);
        builder.HasOne(d => d.DocumentType).WithMany().HasForeignKey(d => d.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.IssuedOn);
        builder.HasIndex(d => new { d.DocumentTypeId, d.IssuedOn });
        builder.HasIndex(d => new { d.Issuer, d.IssuedOn });
        builder.HasIndex(d => d.Number);
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.HasOne(a => a.Document).WithMany(d => d.Attachments).HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.StoredFile).WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DocumentId, a.SortOrder });
        builder.HasIndex(a => new { a.DocumentId, a.StoredFileId }).IsUnique();
    }
}
