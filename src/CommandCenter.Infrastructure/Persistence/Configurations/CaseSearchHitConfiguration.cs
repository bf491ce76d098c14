using CommandCenter.Infrastructure.Cases.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

/// <summary>The SQLite FTS5 table is created by its own migration; EF only reads it.</summary>
internal sealed class CaseSearchHitConfiguration : IEntityTypeConfiguration<CaseSearchHit>
{
    public void Configure(EntityTypeBuilder<CaseSearchHit> builder) =>
        builder.HasNoKey().ToTable("CaseSearch", t => t.ExcludeFromMigrations());
}
