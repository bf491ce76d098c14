using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>The five dimensions a street rates its owners' committees (业委会) on (seed 003, 仙霞新村街道).</summary>
public enum CommitteeDimension
{
    /// <summary>党建引领作用</summary>
    PartyLeadership,
    /// <summary>制度规范化建设</summary>
    Institutions,
    /// <summary>整体工作效能</summary>
    Effectiveness,
    /// <summary>社会评估</summary>
    SocialEvaluation,
    /// <summary>创新工作机制</summary>
    Innovation,
}

/// <summary>
/// 评估定星: one owners' committee — the committee of one courtyard — rated for a year with 1 to 5
/// stars on each of the five dimensions, by whom. One rating a committee a year; written once.
/// </summary>
public sealed class CommitteeRating
{
    public const int MinStars = 1;
    public const int MaxStars = 5;

    private CommitteeRating() { }

    public long Id { get; private set; }
    public CourtyardId CourtyardId { get; private set; }
    public int Year { get; private set; }
    public int PartyLeadership { get; private set; }
    public int Institutions { get; private set; }
    public int Effectiveness { get; private set; }
    public int SocialEvaluation { get; private set; }
    public int Innovation { get; private set; }
    public DateTime RatedAtUtc { get; private set; }
    public string RatedBy { get; private set; } = "";
    public StaffId? RatedByStaffId { get; private set; }

    public int StarsOn(CommitteeDimension dimension) => dimension switch
    {
        CommitteeDimension.PartyLeadership => PartyLeadership,
        CommitteeDimension.Institutions => Institutions,
        CommitteeDimension.Effectiveness => Effectiveness,
        CommitteeDimension.SocialEvaluation => SocialEvaluation,
        _ => Innovation,
    };

    /// <summary>The committee's overall stars: the five dimensions' mean, to one decimal.</summary>
    public decimal Overall => Math.Round(Enum.GetValues<CommitteeDimension>().Average(d => (decimal)StarsOn(d)), 1);

    /// <summary>Refused unless every one of the five dimensions has 1 to 5 stars, and nothing else is rated.</summary>
    public static CommitteeRating Rate(CourtyardId courtyardId, int year, IReadOnlyDictionary<CommitteeDimension, int> stars, Actor by, DateTime nowUtc)
    {
        if (year < 2000 || year > ChinaTime.LocalDate(nowUtc).Year)
            throw new DomainValidationException("YearOutOfRange", "A committee is rated for a year up to this one.", "year");
        foreach (var dimension in stars.Keys) KnownValue.Of(dimension, "stars");
        int Of(CommitteeDimension dimension) =>
            stars.TryGetValue(dimension, out var n)
                ? n is >= MinStars and <= MaxStars ? n : throw new DomainValidationException("StarsOutOfRange", $"{dimension} has 1 to 5 stars.", "stars")
                : throw new DomainValidationException("DimensionMissing", $"{dimension} is not rated.", "stars");
        return new CommitteeRating
        {
            CourtyardId = courtyardId, Year = year,
            PartyLeadership = Of(CommitteeDimension.PartyLeadership), Institutions = Of(CommitteeDimension.Institutions),
            Effectiveness = Of(CommitteeDimension.Effectiveness), SocialEvaluation = Of(CommitteeDimension.SocialEvaluation),
            Innovation = Of(CommitteeDimension.Innovation),
            RatedAtUtc = nowUtc, RatedBy = by.Name, RatedByStaffId = by.StaffId,
        };
    }
}
