namespace CommandCenter.Domain.Credit;

/// <summary>Where a credit item comes from (seed 004: 红色物业诚信台账).</summary>
public enum CreditSource
{
    /// <summary>Computed from the company's case figures for a month (<see cref="AutomaticCreditRules"/>).</summary>
    Automatic,
    /// <summary>The street's monthly inspection score (<see cref="InspectionRules"/>).</summary>
    Inspection,
    /// <summary>An award or commendation.</summary>
    Award,
    /// <summary>A court judgment or an administrative penalty.</summary>
    Judgment,
    /// <summary>Anything else the street records by hand.</summary>
    Manual,
}

/// <summary>How the street decided an appeal (异议).</summary>
public enum AppealOutcome
{
    /// <summary>The company is right: the item is void.</summary>
    Upheld,
    /// <summary>The item stands.</summary>
    Rejected,
}

public enum AppealState
{
    Pending,
    Upheld,
    Rejected,
}

/// <summary>A company's place on the street's 红黑榜.</summary>
public enum CreditListing
{
    /// <summary>红榜: band AAA and no veto.</summary>
    Red,
    Ordinary,
    /// <summary>黑榜: band C, or any veto item in force whatever the score.</summary>
    Black,
}
