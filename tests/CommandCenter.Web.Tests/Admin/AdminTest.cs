using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>
/// The administrator pages in bUnit over the real app's services and database, signed in as the
/// demo administrator, with the providers MainLayout puts around them (popovers, dialogs).
/// </summary>
public abstract class AdminTest : ComponentTest
{
    protected static readonly Post System = Post.System(ActSource.Console);

    /// <summary>A save writes through the gate (and may hash a password): under a loaded test run that takes seconds, not bUnit's one.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected AdminTest(ApiApp app) : this(app.Factory)
    {
    }

    protected AdminTest(CommandCenterFactory factory) : this(factory.Services)
    {
    }

    /// <summary>Over any running app's services, e.g. one on a clock the test moves.</summary>
    protected AdminTest(IServiceProvider services)
    {
        Directory = Share<OrganisationDirectory>(services);
        Tokens = Share<AccessTokenService>(services);
        Log = Share<AuditLog>(services);
        Share<CaseQueries>(services);
        Share<Infrastructure.Assessment.AssessmentQueries>(services);
        Share<Infrastructure.Assessment.AssessmentSettings>(services);
        Share<Infrastructure.Assessment.Scoring.UnitScores>(services);
        Share<Infrastructure.Assessment.Scoring.PersonScores>(services);
        Share<Infrastructure.Assessment.Scoring.HonourRolls>(services);
        Share<Infrastructure.Assessment.Scoring.ScoringAdministration>(services);
        Share<Infrastructure.Credit.CreditService>(services);
        Share<Infrastructure.Archive.ArchiveQueries>(services);
        Share<Infrastructure.Archive.ArchiveRound>(services);
        Share<Infrastructure.Archive.ArchiveBook>(services);
        Share<Infrastructure.Archive.CourtyardLists>(services);
        Share<Infrastructure.Archive.ResidentBookImport>(services);
        Share<Infrastructure.Archive.OwnerListImport>(services);
        Share<Infrastructure.Notices.NoticeAdministration>(services);
        People = Share<PeopleAdministration>(services);
        Share<PlaceAdministration>(services);
        Share<Passwords>(services);
        Share<TimeProvider>(services);
        Deadlines = Share<DeadlineAdministration>(services);
        WhoDecides = Share<DecisionRightsAdministration>(services);
        Cases = Share<CaseService>(services);
        Services = services;
        Context.Services.AddScoped<CurrentActor>();
        Administrator = DemoAccounts.StaffOf("admin", Directory.Staff)!;
        SignInAs(Administrator);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected IServiceProvider Services { get; }
    protected OrganisationDirectory Directory { get; }
    protected AccessTokenService Tokens { get; }
    protected AuditLog Log { get; }
    protected CaseService Cases { get; }
    protected DeadlineAdministration Deadlines { get; }
    protected DecisionRightsAdministration WhoDecides { get; }
    protected Staff Administrator { get; }
    protected PeopleAdministration People { get; }

    /// <summary>The dialog provider, where confirmations show; render it before the page.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>The popover provider, where an open select's items show.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    protected IRenderedComponent<TPage> RenderPage<TPage>() where TPage : IComponent
    {
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        return Context.Render<TPage>();
    }

    /// <summary>The app's own instance of a service, handed to the pages too, so both sides see one database.</summary>
    private T Share<T>(IServiceProvider services) where T : class
    {
        var service = services.GetRequiredService<T>();
        Context.Services.AddSingleton(service);
        return service;
    }

    /// <summary>A text field's input, whether MudBlazor puts the data attribute on the input or around it.</summary>
    protected static string Input(string attribute) => $"input[{attribute}], [{attribute}] input";

    /// <summary>A name no other test of the shared app uses, so each test sees only its own rows.</summary>
    protected static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
}
