using EmulationPortal.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmulationPortal.Data.Configurations;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    /// <summary>The SQLite migration's triggers that keep the FTS5 table in step; declared so EF does not use RETURNING.</summary>
    public static readonly string[] SqliteTriggers = ["SearchEntries_AfterInsert", "SearchEntries_AfterDelete", "SearchEntries_AfterUpdate"];

    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.ToTable(t =>
        {
            foreach (var trigger in SqliteTriggers)
            {
                t.HasTrigger(trigger);
            }
        });
        builder.HasIndex(e => new { e.Kind, e.SourceId }).IsUnique();
        builder.HasIndex(e => e.RankKey).IsUnique();
        builder.HasIndex(e => e.NumberFolded);
        builder.HasIndex(e => e.VisibleFrom);
        builder.Property(e => e.Years).HasMaxLength(400);
        builder.Property(e => e.Title).HasMaxLength(1000);
        builder.Property(e => e.Number).HasMaxLength(64);
        builder.Property(e => e.NumberFolded).HasMaxLength(64);
        builder.Property(e => e.Slug).HasMaxLength(200);
        builder.Property(e => e.TitleExact).HasMaxLength(1200);
        builder.Property(e => e.TitleFolded).HasMaxLength(1200);
        builder.Property(e => e.Tags).HasMaxLength(1000);
    }
}
