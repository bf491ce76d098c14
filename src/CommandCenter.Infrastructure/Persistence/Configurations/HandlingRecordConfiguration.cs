using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class HandlingRecordConfiguration : IEntityTypeConfiguration<HandlingRecord>
{
    public void Configure(EntityTypeBuilder<HandlingRecord> builder)
    {
        builder.ToTable("HandlingRecords");
        builder.HasKey(r => r.Id);
        foreach (var name in new[] { nameof(HandlingRecord.Level), nameof(HandlingRecord.Round), nameof(HandlingRecord.Outcome), nameof(HandlingRecord.Role) })
            builder.Property(name).HasConversion<string>().HasMaxLength(24);
        // Per-unit figures read a unit's records over a period; a case page reads its own.
        builder.HasIndex(r => new { r.UnitId, r.EndedAtUtc });
        builder.HasIndex(r => r.CaseId);
        // The assessment reads the rounds with one instant in a period (started, ended, due or signed in it):
        // one index per instant lets the database search each range and merge them (an OR over indexes)
        // instead of reading every round ever handled.
        builder.HasIndex(r => r.StartedAtUtc);
        builder.HasIndex(r => r.EndedAtUtc);
        builder.HasIndex(r => r.HandlingDeadlineUtc);
        builder.HasIndex(r => r.SignedAtUtc);
    }
}
