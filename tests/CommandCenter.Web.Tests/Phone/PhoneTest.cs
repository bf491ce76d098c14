using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Session;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>
/// The phone pages in bUnit over the real app's services and database, signed in as a staff
/// member, on a live circuit (which is when pages subscribe to events).
/// </summary>
public abstract class PhoneTest : ComponentTest
{
    protected static readonly Post System = Post.System(ActSource.Console);

    protected PhoneTest(ApiApp app)
    {
        var services = app.Factory.Services;
        Directory = services.GetRequiredService<OrganisationDirectory>();
        Cases = services.GetRequiredService<CaseService>();
        Queries = services.GetRequiredService<CaseQueries>();
        Context.Services.AddSingleton(Directory);
        Context.Services.AddSingleton(Cases);
        Context.Services.AddSingleton(Queries);
        Context.Services.AddSingleton(services.GetRequiredService<ICaseEventStream>());
        Context.Services.AddSingleton(services.GetRequiredService<PhotoStore>());
        Context.Services.AddSingleton(services.GetRequiredService<Infrastructure.Notices.NoticeAdministration>());
        Context.Services.AddSingleton(services.GetRequiredService<IOptions<PhotoOptions>>());
        Context.Services.AddSingleton(services.GetRequiredService<PersonalDataReveal>());
        Context.Services.AddSingleton<TimeProvider>(ScreenClock);
        Context.Services.AddScoped<CurrentActor>();
        Context.Services.AddScoped<QueueLocation>();
        Context.Services.AddSingleton(services.GetRequiredService<Infrastructure.Deadlines.DeadlineRulesProvider>());
    }

    /// <summary>The screen's clock (<see cref="LiveClock"/>), apart from the app's: a test moves it to see a deadline pass.</summary>
    protected FakeTimeProvider ScreenClock { get; } = new(DateTimeOffset.UtcNow);

    protected OrganisationDirectory Directory { get; }
    protected CaseService Cases { get; }
    protected CaseQueries Queries { get; }

    /// <summary>The demo's "property" user: the first property staff member, and the company they work for.</summary>
    protected (Staff Staff, HandlingUnit Company) PropertyStaff()
    {
        var staff = Directory.Staff.Where(s => s.Role == AccessRole.PropertyStaff).OrderBy(s => s.Id).First();
        return (staff, Directory.Unit(staff.UnitId!.Value)!);
    }

    /// <summary>Signs <paramref name="staff"/> in (before rendering) and answers with the post the phone pages act as.</summary>
    protected Post SignIn(Staff staff)
    {
        SignInAs(staff);
        return Directory.PostOf(staff, ActSource.Phone);
    }

    /// <summary>A case taken in and dispatched to <paramref name="unit"/> at its level, as the dispatch desk would.</summary>
    protected async Task<Case> DispatchedAsync(HandlingUnit unit)
    {
        var reported = await Cases.ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0102", Domain.Categories.Urgency.Normal, unit.ServedCourtyardIds[0], null,
                "3 栋楼道堆满纸箱，挡住了消防通道", "张三", "13812345678"),
            System);
        await Cases.ExecuteAsync(reported.Id, new AcceptCase(unit.Level), System);
        return await Cases.ExecuteAsync(reported.Id, new DispatchCase(unit.Id), System);
    }

    /// <summary>
    /// A phone page under the screen's clock, as <see cref="Components.Layout.PhoneLayout"/> puts it, on a
    /// live circuit (set here, after <see cref="SignIn"/>: the renderer fixes the services).
    /// </summary>
    protected IRenderedComponent<LiveClock> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Context.Render<LiveClock>(p => p.AddChildContent<TPage>(parameters ?? (_ => { })));
    }
}
