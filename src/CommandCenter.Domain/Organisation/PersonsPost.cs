namespace CommandCenter.Domain.Organisation;

/// <summary>One person's post by its number (<see cref="StaffPost.Number"/>): what an act records of the post it was done as (docs/decisions/0016).</summary>
public readonly record struct PersonsPost(StaffId StaffId, int Number);
