using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Credit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class CreditItemConfiguration : IEntityTypeConfiguration<CreditItem>
{
    public void Configure(EntityTypeBuilder<CreditItem> builder)
    {
        builder.ToTable("CreditItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Reason).HasMaxLength(CreditItem.ReasonLength + 40);
        builder.Property(i => i.RuleKey).HasMaxLength(40);
        builder.Property(i => i.RecordedBy).HasMaxLength(100);
        builder.HasIndex(i => new { i.CompanyId, i.Date });
        // A month's automatic rule or inspection is counted once per company, whoever runs it twice.
        builder.HasIndex(i => new { i.CompanyId, i.RuleKey }).IsUnique();
    }
}

internal sealed class CreditAppealConfiguration : IEntityTypeConfiguration<CreditAppeal>
{
    public void Configure(EntityTypeBuilder<CreditAppeal> builder)
    {
        builder.ToTable("CreditAppeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reason).HasMaxLength(CreditAppeal.ReasonLength);
        builder.Property(a => a.FiledBy).HasMaxLength(100);
        builder.HasOne<CreditItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CompanyId);
    }
}

internal sealed class CreditAppealDecisionConfiguration : IEntityTypeConfiguration<CreditAppealDecision>
{
    public void Configure(EntityTypeBuilder<CreditAppealDecision> builder)
    {
        builder.ToTable("CreditAppealDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(CreditAppealDecision.NoteLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(100);
        // One decision per appeal, also when two leaders decide at once.
        builder.HasOne<CreditAppeal>().WithMany().HasForeignKey(d => d.AppealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.AppealId).IsUnique();
    }
}

internal sealed class CreditAutomaticRunConfiguration : IEntityTypeConfiguration<CreditAutomaticRun>
{
    public void Configure(EntityTypeBuilder<CreditAutomaticRun> builder)
    {
        builder.ToTable("CreditAutomaticRuns");
        builder.HasKey(r => r.Month);
        builder.Property(r => r.Month).HasMaxLength(7);
        builder.Property(r => r.RanBy).HasMaxLength(100);
    }
}

internal sealed class StoredCreditBandsConfiguration : IEntityTypeConfiguration<StoredCreditBands>
{
    public void Configure(EntityTypeBuilder<StoredCreditBands> builder)
    {
        builder.ToTable("CreditBandRevisions");
        builder.HasKey(b => b.Revision);
        builder.Property(b => b.Revision).ValueGeneratedNever();
        builder.Property(b => b.FromMonth).HasMaxLength(7);
        builder.Property(b => b.SavedBy).HasMaxLength(100);
    }
}

internal sealed class StoredCreditRulesConfiguration : IEntityTypeConfiguration<StoredCreditRules>
{
    public void Configure(EntityTypeBuilder<StoredCreditRules> builder)
    {
        builder.ToTable("CreditRuleRevisions");
        builder.HasKey(r => r.Revision);
        builder.Property(r => r.Revision).ValueGeneratedNever();
        builder.Property(r => r.FromMonth).HasMaxLength(7);
        builder.Property(r => r.SavedBy).HasMaxLength(100);
        builder.ComplexProperty(r => r.Rules);
    }
}

internal sealed class CreditPublicationConfiguration : IEntityTypeConfiguration<CreditPublication>
{
    public void Configure(EntityTypeBuilder<CreditPublication> builder)
    {
        builder.ToTable("CreditPublications");
        builder.HasKey(p => p.Month);
        builder.Property(p => p.Month).HasMaxLength(7);
        builder.Property(p => p.PublishedBy).HasMaxLength(100);
        builder.HasMany(p => p.Rows).WithOne().HasForeignKey(r => r.Month).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditPublicationRowConfiguration : IEntityTypeConfiguration<CreditPublicationRow>
{
    public void Configure(EntityTypeBuilder<CreditPublicationRow> builder)
    {
        builder.ToTable("CreditPublicationRows");
        builder.HasKey(r => new { r.Month, r.CompanyId });
        builder.Property(r => r.Month).HasMaxLength(7);
        builder.Property(r => r.CompanyName).HasMaxLength(100);
        builder.Property(r => r.Band).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Listing).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CommitteeRatingConfiguration : IEntityTypeConfiguration<CommitteeRating>
{
    public void Configure(EntityTypeBuilder<CommitteeRating> builder)
    {
        builder.ToTable("CommitteeRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RatedBy).HasMaxLength(100);
        builder.Ignore(r => r.Overall);
        builder.HasIndex(r => new { r.CourtyardId, r.Year }).IsUnique();
    }
}
