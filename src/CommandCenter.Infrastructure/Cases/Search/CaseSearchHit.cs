namespace CommandCenter.Infrastructure.Cases.Search;

/// <summary>A row of the SQLite full-text index of case descriptions (table CaseSearch, kept by a trigger).</summary>
public sealed class CaseSearchHit
{
    public Guid CaseId { get; init; }
}
