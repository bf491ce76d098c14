using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    private const string HandlingDeadlineIndexKey = "HandlingDeadlineIndexKey";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.CategoryCode).HasMaxLength(8).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(CaseDescription.MaxLength).IsRequired();
        builder.Property(c => c.ReporterName).HasMaxLength(ReporterName.MaxLength);
        builder.Property(c => c.ReporterPhone).HasMaxLength(PhoneNumber.MaxLength);
        builder.Property(c => c.ResultSummary).HasMaxLength(Case.MaxNoteLength);
        builder.Property(c => c.RatingComment).HasMaxLength(Case.MaxNoteLength);
        builder.Property(c => c.RejectionReason).HasMaxLength(Case.MaxNoteLength);
        foreach (var name in new[] { nameof(Case.Channel), nameof(Case.Urgency), nameof(Case.State), nameof(Case.Level), nameof(Case.Rating), nameof(Case.RatingSource) })
            builder.Property(name).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.ComplexProperty(c => c.Clock, clock =>
        {
            clock.IsRequired();
            clock.Property(k => k.TimeBasis).HasConversion<string>().HasMaxLength(16);
            clock.Property(k => k.SignForLapse).HasConversion<string>().HasMaxLength(24);
            // The columns keep the names they had when these were the case's own properties.
            foreach (var property in clock.Metadata.ComplexType.GetProperties())
                property.SetColumnName(property.Name);
        });
        builder.ComplexProperty(c => c.Wait, wait =>
        {
            wait.IsRequired();
            wait.Property(w => w.Stage).HasConversion<string>().HasMaxLength(24);
            foreach (var property in wait.Metadata.ComplexType.GetProperties())
                property.SetColumnName($"Wait{property.Name}");
        });
        // EF Core 10 cannot index a complex type's column (dotnet/efcore#31246). This shadow property
        // shares the handling deadline's column only to carry its indexes: EF never writes it, the
        // clock does, and queries on c.Clock.HandlingDeadlineUtc read the same indexed column.
        var indexKey = builder.Property<DateTime?>(HandlingDeadlineIndexKey).HasColumnName(nameof(CaseClock.HandlingDeadlineUtc)).Metadata;
        indexKey.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        indexKey.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.OwnsOne(c => c.PendingRequest, request =>
        {
            request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24).HasColumnName("RequestKind");
            request.Property(r => r.Reason).HasMaxLength(Case.MaxNoteLength).HasColumnName("RequestReason");
            request.Property(r => r.RequestedDeadlineUtc).HasColumnName("RequestedDeadlineUtc");
            request.Property(r => r.RequestedAtUtc).HasColumnName("RequestedAtUtc");
            request.Property(r => r.RequestedBy).HasMaxLength(64).HasColumnName("RequestedBy");
        });

        builder.OwnsOne(c => c.Supervision, supervision =>
        {
            supervision.Property(s => s.AtUtc).HasColumnName("SupervisedAtUtc");
            supervision.Property(s => s.By).HasMaxLength(64).HasColumnName("SupervisedBy");
            supervision.Property(s => s.Note).HasMaxLength(Case.MaxNoteLength).HasColumnName("SupervisionNote");
            supervision.Property(s => s.ReplyDueUtc).HasColumnName("SupervisionReplyDueUtc");
            supervision.Property(s => s.Automatic).HasConversion<string>().HasMaxLength(24).HasColumnName("SupervisionAutomatic");
            supervision.Property(s => s.AnsweredAtUtc).HasColumnName("SupervisionAnsweredAtUtc");
            supervision.Property(s => s.AnsweredBy).HasMaxLength(64).HasColumnName("SupervisionAnsweredBy");
            supervision.Property(s => s.Answer).HasMaxLength(Case.MaxNoteLength).HasColumnName("SupervisionAnswer");
            supervision.Property(s => s.OverdueAtUtc).HasColumnName("SupervisionOverdueAtUtc");
            supervision.Ignore(s => s.IsAnswered);
            supervision.Ignore(s => s.ReplyTimerDueUtc);
        });

        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Parts).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Parts).HasField("_parts").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.HandlingRecords).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.HandlingRecords).HasField("_handling").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsCrossAgency);
        builder.Ignore(c => c.NextDispatchIsArbitration);

        // Queues are read by state, newest first; intake looks for duplicates by courtyard
        // and category; the deadline columns are what the timers sweep.
        builder.HasIndex(c => new { c.State, c.ReportedAtUtc });
        builder.HasIndex(c => c.ReportedAtUtc);
        builder.HasIndex(c => new { c.CourtyardId, c.CategoryCode, c.ReportedAtUtc });
        builder.HasIndex(c => new { c.CourtyardId, c.ReportedAtUtc });
        // The courtyard page counts each facility's cases and lists them; most cases name none, and an intake
        // should not pay for an index entry it will never be found by.
        builder.HasIndex(c => new { c.FacilityId, c.ReportedAtUtc }).HasFilter("\"FacilityId\" IS NOT NULL");
        // The assessment's cases due in a period closed in it or fell due in it: with this beside the deadline's index the
        // database reads a day's closings instead of every case. Open cases have none, so an intake adds no entry.
        builder.HasIndex(c => c.ClosedAtUtc).HasFilter("\"ClosedAtUtc\" IS NOT NULL");
        builder.HasIndex(c => new { c.CurrentUnitId, c.State });
        builder.HasIndex(c => new { c.CommunityId, c.State, c.ReportedAtUtc });
        builder.HasIndex(c => c.NextTimerAtUtc);
        builder.HasIndex(HandlingDeadlineIndexKey);
        builder.HasIndex(nameof(Case.State), HandlingDeadlineIndexKey);
    }
}
