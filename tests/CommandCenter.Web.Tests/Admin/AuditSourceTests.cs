using System.Globalization;
using System.Net;
using System.Resources;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Components;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CommandCenter.Web.Tests.Admin.AuditPageDriver;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>
/// Sources and roles are closed sets: every value the demo history wrote is one the audit page offers and
/// names, and filtering by a source finds all of that source's acts, on the page and through the API.
/// </summary>
public sealed class AuditSourceTests(DemoHistoryApp app) : AdminTest(app.Factory), IClassFixture<DemoHistoryApp>
{
    /// <summary>
    /// The history up to the end of yesterday (China time): the timers keep firing on the demo's open cases
    /// while the tests run, and the acts of today would move the counts under them.
    /// </summary>
    private static DateTime Yesterday => ChinaTimeText.ToLocal(DateTime.UtcNow).Date.AddDays(-1);

    private static DateTime HistoryEndUtc => ChinaTimeText.ToUtc(Yesterday.AddDays(1), TimeSpan.Zero);

    [Fact]
    public async Task DemoHistory_EverySourceItWrote_IsOfferedByTheSourceFilter_WithItsLabel()
    {
        var written = (await DistinctAsync("TimelineEvents", "Source")).Union(await DistinctAsync("AuditEntries", "Source")).ToHashSet();
        var page = RenderPage<Audit>();
        var select = Select<ActSource?>(page, "source");

        await select.InvokeAsync(select.Instance.OpenMenu);

        var items = Popovers.FindComponents<MudSelectItem<ActSource?>>();
        var offered = items.Select(i => i.Instance.Value.ToString()!).ToList();
        // The desk at the console, field roles on the phone, residents on the public pages, the external platform, the timers.
        Assert.Equal(["Api", "Console", "Phone", "Public", "Timer"], (await DistinctAsync("TimelineEvents", "Source")).Order());
        Assert.Equal(Enum.GetNames<ActSource>(), offered);
        Assert.Subset(offered.ToHashSet(), written);
        Assert.All(items, i => Assert.Equal(Label($"ActSource.{i.Instance.Value}", Chinese), i.Nodes.Select(n => n.TextContent).Aggregate(string.Concat).Trim()));
    }

    [Fact]
    public async Task DemoHistory_EveryRoleItWrote_IsARoleTheAuditPageNames()
    {
        var written = (await DistinctAsync("TimelineEvents", "ActorRole")).Union(await DistinctAsync("AuditEntries", "ActorRole")).ToHashSet();

        Assert.Subset(Enum.GetNames<AccessRole>().ToHashSet(), written);
        // Residents and the external platform were spelled differently before there was one role enum.
        Assert.Contains(nameof(AccessRole.Resident), written);
        Assert.Contains(nameof(AccessRole.System), written);
    }

    [Fact]
    public void EverySourceAndRole_HasALabelInBothLanguages()
    {
        var keys = Enum.GetNames<ActSource>().Select(n => $"ActSource.{n}").Concat(Enum.GetNames<AccessRole>().Select(n => $"AccessRole.{n}"));

        Assert.All(keys, key =>
        {
            Assert.NotNull(Label(key, CultureInfo.InvariantCulture));
            Assert.NotNull(Label(key, Chinese));
        });
    }

    [Fact]
    public async Task FilterBySource_EachSourceOfTheDemoHistory_ListsAllItsActs()
    {
        var counts = await CountsBySourceAsync();
        var page = RenderPage<Audit>();
        Assert.Equal([ActSource.Console, ActSource.Phone, ActSource.Api, ActSource.Public, ActSource.Timer], counts.Select(c => c.Source));
        await Pick(page, "to", Yesterday);

        foreach (var (source, count) in counts)
        {
            await Choose<ActSource?>(page, "source", source);

            page.WaitForAssertion(() => Assert.Contains($"共 {count} 条", PagerText(page)));
            Assert.All(Rows(page), r => Assert.Contains(Label($"ActSource.{source}", Chinese)!, r.TextContent));
        }
    }

    [Fact]
    public async Task AuditApi_FilterBySource_FindsAllOfThatSourcesActs()
    {
        var api = new ApiClient(app.Factory.ClientAs("admin"));

        foreach (var (source, count) in await CountsBySourceAsync())
        {
            var page = await api.GetAsync<PagedResult<AuditRecord>>($"/api/admin/audit?source={source}&toUtc={HistoryEndUtc:O}&pageSize=200");

            Assert.Equal(count, page.TotalCount);
            Assert.All(page.Items, e => Assert.Equal(source, e.Source));
        }
    }

    [Theory]
    [InlineData("Mobile", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("ResidentQr", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("99", HttpStatusCode.UnprocessableEntity, "UnknownValue")]
    public async Task AuditApi_SourceThatIsNoValue_IsRefusedWithItsCode(string source, HttpStatusCode status, string code)
    {
        var response = await app.Factory.ClientAs("admin").GetAsync($"/api/admin/audit?source={source}");

        Assert.Equal(status, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        // "source" here is where an act came from, not the rating field of the same name.
        Assert.DoesNotContain("Rated", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("评价", problem.GetProperty("detail").GetString());
    }

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly ResourceManager Resources = new("CommandCenter.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The label in exactly that culture's resource file, without falling back to another language.</summary>
    private static string? Label(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    /// <summary>The stored strings as they are, not read through the enums the model maps them to.</summary>
    private async Task<List<string>> DistinctAsync(string table, string column)
    {
        await using var connection = new SqliteConnection($"Data Source={app.Factory.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\"";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private async Task<List<(ActSource Source, int Count)>> CountsBySourceAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var end = HistoryEndUtc;
        var counts = await db.AuditRecords.Where(e => e.AtUtc < end).GroupBy(e => e.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return [.. counts.Select(c => (c.Key, c.Count)).OrderBy(c => c.Key)];
    }
}
