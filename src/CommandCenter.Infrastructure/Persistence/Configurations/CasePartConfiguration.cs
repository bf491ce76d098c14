using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class CasePartConfiguration : IEntityTypeConfiguration<CasePart>
{
    public void Configure(EntityTypeBuilder<CasePart> builder)
    {
        builder.ToTable("CaseParts");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.UnitId, p.ClosedAtUtc });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Result).HasMaxLength(Case.MaxNoteLength);
        builder.Property(p => p.ClosedBy).HasMaxLength(64);
        builder.Property(p => p.ReturnReason).HasMaxLength(Case.MaxNoteLength);
        builder.Property(p => p.ReturnedBy).HasMaxLength(64);
        builder.ComplexProperty(p => p.Clock, clock =>
        {
            clock.IsRequired();
            clock.Property(k => k.TimeBasis).HasConversion<string>().HasMaxLength(16);
            clock.Property(k => k.SignForLapse).HasConversion<string>().HasMaxLength(24);
        });
        builder.Ignore(p => p.IsClosed);
        builder.Ignore(p => p.IsReturned);
        builder.Ignore(p => p.IsOpen);
        builder.Ignore(p => p.IsSigned);
        builder.Ignore(p => p.NextTimerAtUtc);
    }
}
