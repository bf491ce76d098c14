using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class TimePolicyConfiguration : IEntityTypeConfiguration<TimePolicy>
{
    public void Configure(EntityTypeBuilder<TimePolicy> builder)
    {
        builder.ToTable("TimePolicies");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CategoryCode).HasMaxLength(8);
        builder.Property(p => p.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Basis).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SignForLapse).HasConversion<string>().HasMaxLength(24);
        builder.ComplexProperty(p => p.Waiting, waiting =>
        {
            waiting.IsRequired();
            waiting.Property(w => w.Acceptance).HasColumnName("AcceptanceLimit");
            waiting.Property(w => w.Dispatch).HasColumnName("DispatchLimit");
            waiting.Property(w => w.Verification).HasColumnName("VerificationLimit");
        });
        builder.Property(p => p.Revision).IsConcurrencyToken();
    }
}

internal sealed class StreetRulesConfiguration : IEntityTypeConfiguration<StreetRules>
{
    public void Configure(EntityTypeBuilder<StreetRules> builder)
    {
        builder.ToTable("StreetRules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        // Every database has the record from its first migration on, so existing streets keep today's rules.
        var defaults = StreetRules.Defaults();
        builder.HasData(new
        {
            defaults.Id, defaults.EvaluationWindow, defaults.RevisitWindow, defaults.UnsatisfiedReopeningsBeforeDecision, defaults.BacklogAfter, defaults.Revision,
        });
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CategoryCode).HasMaxLength(8);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Name).HasMaxLength(64);
    }
}
