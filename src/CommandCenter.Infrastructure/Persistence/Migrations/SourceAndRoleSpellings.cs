namespace CommandCenter.Infrastructure.Persistence.Migrations;

/// <summary>
/// Sources and roles stored as free strings before they became enums (<see cref="Domain.Access.ActSource"/>,
/// <see cref="Domain.Access.AccessRole"/>), and the value each spelling means now: the data step of the
/// SourcesAndRolesAsEnums migrations. Strings, not the enums, so a later change of an enum cannot change
/// what this migration did.
/// </summary>
internal static class SourceAndRoleSpellings
{
    /// <summary>The tables that record a source and a role, each in columns "Source" and "ActorRole".</summary>
    public static readonly IReadOnlyList<string> Tables = ["TimelineEvents", "AuditEntries"];

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        // The demo's field roles worked on the phone pages.
        ["Mobile"] = "Phone",
        // A resident's report by QR code came through the public pages.
        ["ResidentQr"] = "Public",
        // A hotline caller rated through the link of the confirmation SMS, which opens the public tracking
        // page. Not Console: the SMS carried no report, the call itself was typed in at the console.
        ["Sms"] = "Public",
        // The timer benchmark's load.
        ["Benchmark"] = "Simulator",
    };

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        // An API caller without a staff member, before sign-in, and the demo's external platform: no person.
        ["ExternalSystem"] = "System",
    };

    /// <summary>One UPDATE per table, column and old spelling; <paramref name="quote"/> quotes an identifier the provider's way.</summary>
    public static IEnumerable<string> Updates(Func<string, string> quote) =>
        from table in Tables
        from change in Sources.Select(s => (Column: "Source", Old: s.Key, New: s.Value))
            .Concat(Roles.Select(r => (Column: "ActorRole", Old: r.Key, New: r.Value)))
        select $"UPDATE {quote(table)} SET {quote(change.Column)} = '{change.New}' WHERE {quote(change.Column)} = '{change.Old}';";
}
