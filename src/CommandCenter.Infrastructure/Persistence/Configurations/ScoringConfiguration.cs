using CommandCenter.Infrastructure.Assessment.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class StoredSchemeConfiguration : IEntityTypeConfiguration<StoredScheme>
{
    public void Configure(EntityTypeBuilder<StoredScheme> builder)
    {
        builder.ToTable("ScoringSchemes");
        builder.HasKey(s => new { s.Kind, s.Revision });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Definition).HasMaxLength(8000);
        builder.Property(s => s.SavedBy).HasMaxLength(64);
    }
}

internal sealed class HonourRollPublicationConfiguration : IEntityTypeConfiguration<HonourRollPublication>
{
    public void Configure(EntityTypeBuilder<HonourRollPublication> builder)
    {
        builder.ToTable("HonourRolls");
        builder.HasKey(p => new { p.StreetId, p.Year, p.Month });
        builder.Property(p => p.PublishedBy).HasMaxLength(64);
    }
}

internal sealed class HonourRollEntryConfiguration : IEntityTypeConfiguration<HonourRollEntry>
{
    public void Configure(EntityTypeBuilder<HonourRollEntry> builder)
    {
        builder.ToTable("HonourRollEntries");
        builder.HasKey(e => new { e.StreetId, e.Year, e.Month, e.UnitId });
        builder.HasOne<HonourRollPublication>().WithMany().HasForeignKey(e => new { e.StreetId, e.Year, e.Month });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.UnitName).HasMaxLength(128);
        builder.Property(e => e.List).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.Grade).HasConversion<string>().HasMaxLength(2);
        builder.Property(e => e.Score).HasPrecision(5, 2);
    }
}

internal sealed class HonourRollPersonEntryConfiguration : IEntityTypeConfiguration<HonourRollPersonEntry>
{
    public void Configure(EntityTypeBuilder<HonourRollPersonEntry> builder)
    {
        builder.ToTable("HonourRollPersons");
        builder.HasKey(e => new { e.StreetId, e.Year, e.Month, e.StaffId });
        builder.HasOne<HonourRollPublication>().WithMany().HasForeignKey(e => new { e.StreetId, e.Year, e.Month });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Name).HasMaxLength(32);
        builder.Property(e => e.List).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.Grade).HasConversion<string>().HasMaxLength(2);
        builder.Property(e => e.Score).HasPrecision(5, 2);
    }
}
