using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Components;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// 数字院落 (issue 17): a courtyard's archive, the search of people by tag, and the audited reveal of one
/// resident's numbers. Scope is decided by <see cref="ArchiveQueries"/>: a courtyard or resident outside it answers 404.
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        var archive = endpoints.MapGroup("/api/archive").WithTags("Archive");

        archive.MapGet("/courtyards/{courtyardId:int}", (int courtyardId, ApiCaller caller, ArchiveQueries archiveQueries, CancellationToken ct) =>
                archiveQueries.CourtyardAsync(caller.Post, new CourtyardId(courtyardId), ct))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("一本账: a courtyard's homes by use, exclusive area, owner head count, residents, buildings, its case figures, its owners' committee, "
                + "building heads and facilities, and tag counts and the party group for posts that see tags.");
        archive.MapPut("/courtyards/{courtyardId:int}/bodies/{body}", (int courtyardId, string body, BodyInput input, ApiCaller caller, CourtyardLists lists,
                CancellationToken ct) =>
                Done(lists.RecordBodyAsync(caller.Post, new CourtyardId(courtyardId), KnownValue.Named<CourtyardBody>(body, "body"), input, ct)))
            .RequireAuthorization(Policies.KeepResidentBook)
            .WithSummary("Records one of a courtyard's bodies in full (OwnersCommittee: 5–11 members, odd, one Chair, termFrom–termUntil within 5 years; "
                + "PartyGroup: one Secretary; BuildingHeads: one per buildingId of the courtyard); an empty list clears it.");
        archive.MapPut("/courtyards/{courtyardId:int}/facilities", (int courtyardId, FacilitiesInput input, ApiCaller caller, CourtyardLists lists,
                CancellationToken ct) =>
                Done(lists.RecordFacilitiesAsync(caller.Post, new CourtyardId(courtyardId), input, ct)))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("Records a courtyard's facilities in full (lifts, fire equipment, cameras, bins: kind, count, place, state, optional building); "
                + "property staff, community staff and grid workers.");
        archive.MapPost("/courtyards/{courtyardId:int}/facilities", async (int courtyardId, FacilityInput input, ApiCaller caller, CourtyardLists lists,
                CancellationToken ct) =>
                Results.Created($"/api/archive/facilities/{await lists.AddFacilityAsync(caller.Post, new CourtyardId(courtyardId), input, ct)}", null))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("Adds one facility to a courtyard's list (kind, count 1–10,000, place 1–80 characters, state, optional building of the courtyard); "
                + "answers its address.");
        archive.MapPut("/facilities/{facilityId:long}", (long facilityId, FacilityInput input, ApiCaller caller, CourtyardLists lists, CancellationToken ct) =>
                Done(lists.ChangeFacilityAsync(caller.Post, facilityId, input, ct)))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("Corrects one facility in full; a retired one is refused (422 FacilityRetired).");
        archive.MapDelete("/facilities/{facilityId:long}", (long facilityId, ApiCaller caller, CourtyardLists lists, CancellationToken ct) =>
                Done(lists.RetireFacilityAsync(caller.Post, facilityId, ct)))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("Retires one facility: off the courtyard's list, kept on file with its history and the cases reported about it.");
        archive.MapGet("/people", (ResidentTags? tag, int? communityId, int? courtyardId, int? page, int? pageSize, ApiCaller caller,
                ArchiveQueries archiveQueries, CancellationToken ct) =>
                archiveQueries.PeopleAsync(caller.Post, new PeopleQuery(tag, communityId is { } c ? new CommunityId(c) : null,
                    courtyardId is { } y ? new CourtyardId(y) : null, page ?? 0, pageSize ?? 50), ct))
            .RequireAuthorization(Policies.SearchResidentsByTag)
            .WithSummary("Current residents with one tag within the caller's scope (optionally one community or courtyard), numbers masked, a page at a time.");
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            archive.MapPost($"/people/export.{format.ToString().ToLowerInvariant()}", async (PeopleExportInput body, ApiCaller caller, ArchiveQueries archiveQueries,
                    IStringLocalizer<SharedResource> text, TimeProvider clock, CancellationToken ct) =>
                    PeopleTable(text, await archiveQueries.ExportPeopleAsync(caller.Post, body.ToQuery(), body.Reason, ct))
                        .ToResult(format, $"people-{body.Tag}-{ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}"))
                .RequireAuthorization(Policies.SearchResidentsByTag)
                .WithSummary($"Every person the tag search finds (no paging), numbers masked, as {format}; refused without a reason (4–200 characters), audited with the reason and row count.");
        }
        archive.MapPost("/residents/{residentId:int}/reveal", (int residentId, ApiCaller caller, ArchiveQueries archiveQueries, CancellationToken ct) =>
                archiveQueries.RevealAsync(caller.Post, new ResidentId(residentId), ct))
            .RequireAuthorization(Policies.RevealPersonalData)
            .WithSummary("One resident's ID and phone numbers in full; the reveal is written to the audit log.");

        archive.MapPost("/homes/{homeId:int}/residents", async (int homeId, ResidentInput body, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Results.Created($"/api/archive/residents/{(await book.AddResidentAsync(caller.Post, new HomeId(homeId), body, ct)).Value}", null))
            .RequireAuthorization(Policies.KeepResidentBook)
            .WithSummary("Adds a resident to a home in scope: name, household (1–20), relation, moved-in day, tags; ID and phone numbers sealed at once.");
        archive.MapPut("/residents/{residentId:int}", (int residentId, ResidentChangeInput body, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Done(book.ChangeResidentAsync(caller.Post, new ResidentId(residentId), body, ct)))
            .RequireAuthorization(Policies.KeepResidentBook)
            .WithSummary("Corrects a current resident's household, relation or tags; a field left out stays.");
        archive.MapPost("/residents/{residentId:int}/removal", (int residentId, RemovalInput body, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Done(book.RemoveResidentAsync(caller.Post, new ResidentId(residentId), body, ct)))
            .RequireAuthorization(Policies.KeepResidentBook)
            .WithSummary("Takes a resident out of the book (moved away or deceased) on a day; the record stays with the day and reason.");
        archive.MapGet("/homes/{homeId:int}", (int homeId, ApiCaller caller, ArchiveQueries archiveQueries, CancellationToken ct) =>
                archiveQueries.HomeAsync(caller.Post, new HomeId(homeId), ct))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("A home in scope: its area and use, its current title, its former owners with their days and how the title passed, and its current residents (tags for posts that see them); numbers masked.");
        archive.MapPost("/homes/{homeId:int}/transfer", (int homeId, TitleTransferInput body, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Done(book.TransferTitleAsync(caller.Post, new HomeId(homeId), body, ct)))
            .RequireAuthorization(Policies.KeepOwnerRegister)
            .WithSummary("The title passes (Sale, Inheritance, Gift, CourtRuling) on a day not in the future: owners left off are kept as former owners until that day; the new title as for PUT owners.");
        archive.MapGet("/round", (ApiCaller caller, ArchiveRound round, CancellationToken ct) => round.ProgressAsync(caller.Post, ct))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("The quarterly round: each courtyard in scope with its grid and buildings, homes, and homes visited this quarter (China time) with the share.");
        archive.MapGet("/round/courtyards/{courtyardId:int}/homes", (int courtyardId, BuildingId? buildingId, ApiCaller caller, ArchiveRound round, CancellationToken ct) =>
                round.BuildingAsync(caller.Post, new CourtyardId(courtyardId), buildingId, ct))
            .RequireAuthorization(Policies.ViewArchive)
            .WithSummary("The homes of one building of a courtyard in scope (without buildingId: those recorded without a building), with residents and whether visited this quarter.");
        archive.MapPost("/homes/{homeId:int}/confirm", (int homeId, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Done(book.ConfirmHomeAsync(caller.Post, new HomeId(homeId), ct)))
            .RequireAuthorization(Policies.KeepResidentBook)
            .WithSummary("The round's visit: the home and its current residents are confirmed as they stand now (make corrections first); the home counts as visited this quarter.");
        archive.MapPut("/homes/{homeId:int}/owners", (int homeId, HomeOwnersInput body, ApiCaller caller, ArchiveBook book, CancellationToken ct) =>
                Done(book.RecordOwnersAsync(caller.Post, new HomeId(homeId), body, ct)))
            .RequireAuthorization(Policies.KeepOwnerRegister)
            .WithSummary("Records a home's title in full: 1–10 owners (on file by id, found by ID number, or new), exactly one representative.");
        return endpoints;
    }

    /// <summary>A download of the tag search, and why it is made.</summary>
    public sealed record PeopleExportInput(ResidentTags? Tag, int? CommunityId, int? CourtyardId, string? Reason)
    {
        public PeopleQuery ToQuery() => new(Tag, CommunityId is { } c ? new CommunityId(c) : null, CourtyardId is { } y ? new CourtyardId(y) : null);
    }

    /// <summary>The download of a tag search, numbers masked; the people page's export writes the same table.</summary>
    public static ExportTable PeopleTable(IStringLocalizer text, IReadOnlyList<PersonRow> people) => ExportTable.Of(
        [.. new[] { "Name", "Courtyard", "UnitNumber", "Relation", "Tags", "IdNumber", "Phone" }.Select(key => text[$"ArchiveExport.{key}"].Value)],
        people.Select(p => new object?[]
        {
            p.Name, p.Courtyard, p.UnitNumber, text.Enum(p.Relation), string.Join('、', ResidentTagSet.Split(p.Tags).Select(t => text.Enum(t))), p.IdNumber, p.Phone,
        }));

    /// <summary>204 once the write is committed.</summary>
    private static async Task<IResult> Done(Task write)
    {
        await write;
        return Results.NoContent();
    }
}
