using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.ToTable("TimelineEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.OccurredAtUtc);
        // The audit log reads the timeline (AuditRecord) and filters it by person and unit.
        builder.HasIndex(e => e.ActorStaffId);
        builder.HasIndex(e => e.ActorUnitId);
        // The assessment counts a period's ratings and asks of each handling round whether a 不满意 followed it
        // (AssessmentQueries). Partial indexes hold only those rows: a year's ratings are read without walking the
        // year's other events, and writing any other event (most of them) costs nothing more.
        builder.HasIndex(e => e.OccurredAtUtc, "IX_TimelineEvents_Ratings_OccurredAtUtc")
            .HasFilter($"\"Type\" IN ({string.Join(", ", RatingRecords.EventTypes.Select(t => $"'{t}'"))})");
        builder.HasIndex(e => new { e.CaseId, e.UnitId }, "IX_TimelineEvents_Unsatisfied_CaseId_UnitId")
            .HasFilter($"\"Detail\" = '{RatingRecords.Detail(Rating.Unsatisfied)}'");
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(32);
        // Wider than a note may be: events written before details had their own column kept them in the note.
        builder.Property(e => e.Note).HasMaxLength(Case.MaxNoteLength + 200);
        builder.Property(e => e.Detail).HasMaxLength(48);
        builder.OwnsMany(e => e.Attachments, attachment =>
        {
            attachment.ToJson();
            attachment.Property(a => a.FileName).HasMaxLength(200);
        });
        builder.Navigation(e => e.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
