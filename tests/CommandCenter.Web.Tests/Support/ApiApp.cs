using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// One app and an API client shared by the tests of a class: it reports and reads as the administrator, and runs each command as the post that takes it.
/// On SQLite; <see cref="PostgresApiApp"/> is the same on PostgreSQL.
/// </summary>
public class ApiApp : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private TestStore? _store;

    public ApiApp() : this(DatabaseProvider.Sqlite) { }

    protected ApiApp(DatabaseProvider provider) => _provider = provider;

    public CommandCenterFactory Factory { get; private set; } = null!;
    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _store = _provider == DatabaseProvider.Sqlite ? null : await TestStore.CreateAsync(_provider);
        Factory = new CommandCenterFactory { Store = _store };
        Api = new ApiClient(Factory.ClientAs("admin"), new CasePosts(Factory));
    }

    /// <summary>A client acting as one particular staff member, e.g. the liaison of a given department.</summary>
    public ApiClient ApiAs(StaffId staffId) => new(Factory.CreateClient().WithToken(TestAccess.StaffToken(Factory.Services, staffId)));

    /// <summary>A client acting as the liaison of <paramref name="unitId"/>, a district department.</summary>
    public ApiClient LiaisonOf(UnitId unitId) => ApiAs(Directory.Staff.First(s => s.UnitId == unitId && s.Role == AccessRole.DepartmentLiaison).Id);

    /// <summary>
    /// A district case in courtyard 1 led by a department, with <paramref name="coHandlers"/> more co-handling it,
    /// each with a liaison; the lead's liaison has signed it.
    /// </summary>
    public async Task<(Guid Id, UnitId Lead, UnitId[] CoHandlers)> SignedCrossAgencyCaseAsync(string description, int coHandlers)
    {
        var created = await Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description });
        await Api.CommandAsync(created.Id, "accept", new { level = "District" });
        var units = Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment && Directory.Staff.Any(s => s.UnitId == u.Id && s.Role == AccessRole.DepartmentLiaison))
            .Take(1 + coHandlers).Select(u => u.Id).ToArray();
        await Api.CommandAsync(created.Id, "dispatch", new { unitId = units[0], coHandlerUnitIds = units[1..] });
        await LiaisonOf(units[0]).CommandAsync(created.Id, "sign");
        return (created.Id, units[0], units[1..]);
    }

    private OrganisationDirectory Directory => Factory.Services.GetRequiredService<OrganisationDirectory>();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
    }
}

/// <summary><see cref="ApiApp"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresApiApp() : ApiApp(DatabaseProvider.PostgreSql);
