using CommandCenter.Infrastructure.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class UnitDayCountConfiguration : IEntityTypeConfiguration<UnitDayCount>
{
    public void Configure(EntityTypeBuilder<UnitDayCount> builder)
    {
        builder.ToTable("UnitDayCounts");
        // Day first: a period's table is one range of the key, summed per unit and indicator.
        builder.HasKey(c => new { c.Day, c.UnitId, c.Indicator });
        builder.Property(c => c.Indicator).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class UnitDayTimeConfiguration : IEntityTypeConfiguration<UnitDayTime>
{
    public void Configure(EntityTypeBuilder<UnitDayTime> builder)
    {
        builder.ToTable("UnitDayTimes");
        builder.HasKey(t => new { t.Day, t.UnitId });
    }
}

internal sealed class UnitCommunityDayCountConfiguration : IEntityTypeConfiguration<UnitCommunityDayCount>
{
    public void Configure(EntityTypeBuilder<UnitCommunityDayCount> builder)
    {
        builder.ToTable("UnitCommunityDayCounts");
        // Community first: a community's (or a street's few) period is one range of the key per community.
        builder.HasKey(c => new { c.CommunityId, c.Day, c.UnitId, c.Indicator });
        builder.Property(c => c.Indicator).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class UnitCommunityDayTimeConfiguration : IEntityTypeConfiguration<UnitCommunityDayTime>
{
    public void Configure(EntityTypeBuilder<UnitCommunityDayTime> builder)
    {
        builder.ToTable("UnitCommunityDayTimes");
        builder.HasKey(t => new { t.CommunityId, t.Day, t.UnitId });
    }
}

internal sealed class CommunityDayCountConfiguration : IEntityTypeConfiguration<CommunityDayCount>
{
    public void Configure(EntityTypeBuilder<CommunityDayCount> builder)
    {
        builder.ToTable("CommunityDayCounts");
        // Day first, as the units': a period's area is one range of the key.
        builder.HasKey(c => new { c.Day, c.CommunityId, c.Indicator });
        builder.Property(c => c.Indicator).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class CommunityDayTimeConfiguration : IEntityTypeConfiguration<CommunityDayTime>
{
    public void Configure(EntityTypeBuilder<CommunityDayTime> builder)
    {
        builder.ToTable("CommunityDayTimes");
        builder.HasKey(t => new { t.Day, t.CommunityId });
    }
}

internal sealed class PersonDayCountConfiguration : IEntityTypeConfiguration<PersonDayCount>
{
    public void Configure(EntityTypeBuilder<PersonDayCount> builder)
    {
        builder.ToTable("PersonDayCounts");
        // Day first, as the units': a period's ranking is one range of the key.
        builder.HasKey(c => new { c.Day, c.StaffId, c.Act });
        builder.Property(c => c.Act).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class PersonDayTimeConfiguration : IEntityTypeConfiguration<PersonDayTime>
{
    public void Configure(EntityTypeBuilder<PersonDayTime> builder)
    {
        builder.ToTable("PersonDayTimes");
        builder.HasKey(t => new { t.Day, t.StaffId });
    }
}

internal sealed class ComputedAssessmentDayConfiguration : IEntityTypeConfiguration<ComputedAssessmentDay>
{
    public void Configure(EntityTypeBuilder<ComputedAssessmentDay> builder)
    {
        builder.ToTable("ComputedAssessmentDays");
        builder.HasKey(d => d.Day);
    }
}

internal sealed class AssessmentDirtyMarkConfiguration : IEntityTypeConfiguration<AssessmentDirtyMark>
{
    public void Configure(EntityTypeBuilder<AssessmentDirtyMark> builder)
    {
        builder.ToTable("AssessmentDirtyMarks");
        builder.HasKey(m => m.Id);
    }
}
