using System.Net;
using System.Net.Http.Json;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>
/// PostgreSQL gone and back (issue 18): the app reaches its own database through a relay the test cuts, as if the
/// server had stopped, without stopping the server other tests share. While it is away, reads and writes answer 503
/// with a code and a Retry-After, and nothing is stored, not even half a unit of work; once it is back the same
/// requests succeed, without restarting the app.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly object Report = new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = "井盖松动，有人踩空" };

    [Fact]
    public async Task DatabaseGone_ReadsAndWritesAnswer503_NothingIsStored_AndBack_TheyPassWithoutARestart()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.PostgreSql);
        using var relay = new TcpRelay(PostgresServer.Shared.Port);
        await using var factory = new CommandCenterFactory
        {
            Store = store,
            Settings = new Dictionary<string, string> { ["Database:ConnectionString"] = store.ConnectionString.Replace($"Port={PostgresServer.Shared.Port}", $"Port={relay.Port}") },
        };
        var api = new ApiClient(factory.ClientAs("admin"));
        var known = await api.ReportAsync(Report);
        var before = await CountsAsync(factory);

        relay.Cut();
        var read = await api.Http.GetAsync($"/api/cases/{known.Id}");
        var write = await api.Http.PostAsJsonAsync("/api/cases", Report, ApiClient.Json);
        var firstRowSaved = false;
        var halfWritten = await Record.ExceptionAsync(() => HalfAUnitAsync(factory, relay, () => firstRowSaved = true));

        foreach (var response in new[] { read, write })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("DatabaseUnavailable", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }
        Assert.True(firstRowSaved, halfWritten?.ToString());
        Assert.Equal(DatabaseFault.Unavailable, DatabaseFaults.Of(halfWritten!));

        relay.Restore();
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync($"/api/cases/{known.Id}")).StatusCode);
        Assert.Equal(before, await CountsAsync(factory));
        await api.ReportAsync(Report);
        Assert.Equal(before.Cases + 1, (await CountsAsync(factory)).Cases);
    }

    private sealed record Counts(int Cases, int Timeline, int Counters);

    private static async Task<Counts> CountsAsync(CommandCenterFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return new(await db.Cases.CountAsync(), await db.TimelineEvents.CountAsync(), await db.CaseNumberCounters.CountAsync());
    }

    /// <summary>A unit of work whose first row reached the database when the server went away: the transaction keeps it out.</summary>
    private static Task HalfAUnitAsync(CommandCenterFactory factory, TcpRelay relay, Action firstRowSaved)
    {
        relay.Restore();
        return factory.Services.GetRequiredService<UnitOfWork>().WriteAsync(async db =>
        {
            db.CaseNumberCounters.Add(new CaseNumberCounter { StreetCode = "OUTAGE", Day = "20261204", Last = 1 });
            await db.SaveChangesAsync();
            firstRowSaved();
            relay.Cut();
            db.CaseNumberCounters.Add(new CaseNumberCounter { StreetCode = "OUTAGE", Day = "20261205", Last = 1 });
        }, CancellationToken.None);
    }
}
