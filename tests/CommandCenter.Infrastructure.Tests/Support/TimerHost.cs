using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// The infrastructure as the app runs it — real Quartz scheduler, real clock, a real database —
/// in a host that can be stopped and started again on the same store.
/// </summary>
public sealed class TimerHost : IAsyncDisposable
{
    /// <summary>Category of the short-limit policy the tests add (courtyard level, any urgency).</summary>
    public const string Category = "0101";

    private readonly IHost _host;

    private TimerHost(IHost host) => _host = host;

    public CaseService Cases => _host.Services.GetRequiredService<CaseService>();
    public CaseQueries Queries => _host.Services.GetRequiredService<CaseQueries>();
    public OrganisationDirectory Directory => _host.Services.GetRequiredService<OrganisationDirectory>();
    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>This host's Quartz scheduler (clustered with every other host on the same PostgreSQL database).</summary>
    public ValueTask<Quartz.IScheduler> SchedulerAsync() => _host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

    /// <param name="settings">Configuration over the test's defaults (e.g. Deadlines:RunTimers "false" to drive the sweep by hand).</param>
    public static async Task<TimerHost> StartAsync(TestStore store, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(store.Settings);
        builder.Configuration["Database:DemoCaseCount"] = "0";
        builder.Configuration["Deadlines:SweepInterval"] = "00:00:00.500";
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddCommandCenterInfrastructure(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
        await host.StartAsync();
        return new TimerHost(host);
    }

    /// <summary>Gives <see cref="Category"/> at courtyard level a handling limit of a few seconds, half of it to sign; unsigned at the whole of it, back to dispatch.</summary>
    public async Task UseShortLimitAsync(TimeSpan handling)
    {
        var contexts = _host.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        if (!await db.TimePolicies.AnyAsync(p => p.CategoryCode == Category))
        {
            db.TimePolicies.Add(TimePolicy.Create(900, Category, null, HandlingLevel.Courtyard, handling / 2, handling, 0.5, TimeBasis.Calendar));
            await db.SaveChangesAsync();
        }
        await _host.Services.GetRequiredService<DeadlineRulesProvider>().ReloadAsync(db);
    }

    /// <summary>Gives the short-limit policy of <see cref="UseShortLimitAsync"/> the same limit to dispatch and to verify (its 待派遣 and 待核查 clocks).</summary>
    public async Task UseShortWaitsAsync(TimeSpan wait)
    {
        await UseShortLimitAsync(wait * 4);
        var contexts = _host.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var policy = await db.TimePolicies.SingleAsync(p => p.CategoryCode == Category);
        policy.Update(policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, policy.SignForLapse, waiting: new WaitingLimits(null, wait, wait));
        await db.SaveChangesAsync();
        await _host.Services.GetRequiredService<DeadlineRulesProvider>().ReloadAsync(db);
    }

    /// <summary>A hotline case taken in at courtyard level and left waiting for dispatch.</summary>
    public async Task<Guid> AcceptedCaseAsync()
    {
        var id = (await Cases.ReportAsync(new ReportCaseRequest(
            Channel.Hotline, Category, Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "楼下垃圾堆积"), TestDatabase.Everyone)).Id;
        await Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), TestDatabase.Everyone);
        return id;
    }

    /// <summary>A hotline case taken as far as InProgress at courtyard level, its handling clock running.</summary>
    public async Task<Guid> SignedCaseAsync(CourtyardId? courtyardId = null)
    {
        var id = await DispatchedCaseAsync(courtyardId);
        await Cases.ExecuteAsync(id, new SignCase(), TestDatabase.Everyone);
        return id;
    }

    /// <summary>A hotline case dispatched at courtyard level, its sign-for clock running.</summary>
    public async Task<Guid> DispatchedCaseAsync(CourtyardId? courtyardId = null)
    {
        var courtyard = courtyardId ?? new CourtyardId(1);
        var actor = TestDatabase.Everyone;
        var id = (await Cases.ReportAsync(new ReportCaseRequest(
            Channel.Hotline, Category, Domain.Categories.Urgency.Normal, courtyard, null, "楼下垃圾堆积"), actor)).Id;
        await Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), actor);
        await Cases.ExecuteAsync(id, new DispatchCase(Directory.UnitsServing(HandlingLevel.Courtyard, courtyard).First().Id), actor);
        return id;
    }

    /// <summary>
    /// A case taken in at street level and dispatched to a street office that leads, with another street office and a
    /// district department co-handling, under a policy row of <paramref name="signFor"/> to sign and an hour to handle.
    /// The lead signs at once; so does the first co-handler (returned); the second does not.
    /// </summary>
    public async Task<(Guid Id, UnitId Signed, UnitId Unsigned)> StreetLedCaseAsync(TimeSpan signFor)
    {
        var contexts = _host.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.TimePolicies.Add(TimePolicy.Create(901, Category, null, HandlingLevel.Street, signFor, TimeSpan.FromHours(1), 0.5, TimeBasis.Calendar));
            await db.SaveChangesAsync();
            await _host.Services.GetRequiredService<DeadlineRulesProvider>().ReloadAsync(db);
        }
        var offices = Directory.Units.Where(u => u.Kind == UnitKind.StreetOffice).ToList();
        var department = Directory.Units.First(u => u.Kind == UnitKind.DistrictDepartment);
        var actor = TestDatabase.Everyone;
        var id = (await Cases.ReportAsync(new ReportCaseRequest(
            Channel.Hotline, Category, Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "河堤护栏倒塌"), actor)).Id;
        await Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Street), actor);
        await Cases.ExecuteAsync(id, new DispatchCase(offices[0].Id, [offices[1].Id, department.Id]), actor);
        await Cases.ExecuteAsync(id, new SignCase(), actor);
        await Cases.ExecuteAsync(id, new SignPart(offices[1].Id), actor);
        return (id, offices[1].Id, department.Id);
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid id) => (await Queries.DetailAsync(TestDatabase.Everyone, id))!.Timeline;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
