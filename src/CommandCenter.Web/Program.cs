using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web;
using CommandCenter.Web.Access;
using CommandCenter.Web.Hardening;
using CommandCenter.Web.Health;
using CommandCenter.Web.Hosting;
using CommandCenter.Web.Api;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Components;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Public;
using CommandCenter.Web.Setup;
using CommandCenter.Web.Telemetry;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Default(args) });
// Bodies are small JSON; the one upload endpoint raises its own limit (three photos).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services
    .AddCommandCenterInfrastructure(builder.Configuration)
    .AddCommandCenterWeb(builder.Configuration);

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
if (SetupCommand.IsSetup(args)) return await SetupCommand.RunAsync(app.Services, args, Console.Out);

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Static assets the build did not compress (a package's fingerprinted files, Development) leave compressed all the same.
app.UseResponseCompression();
// Before the exception handler, so refusals are written in the caller's language.
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseExceptionHandler();
// The API and the hub answer errors as ProblemDetails; pages show the localized not-found page.
app.UseWhen(http => AccessSetup.IsMachinePath(http.Request.Path), api => api.UseStatusCodePages());
app.UseWhen(http => !AccessSetup.IsMachinePath(http.Request.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// Routing after the status-code pages, so a re-executed request finds the not-found page's endpoint
// (with the implicit routing at the start it found none and the browser showed its own bare 404).
app.UseRouting();
// Operators' figures answer before setup and sign-in, to this machine only unless configured (TelemetrySetup).
app.UseMetricsEndpoint();
// Before sign-in: until the street is set up nobody can sign in, and nothing else answers.
app.UseSetupGate();
app.UseRateLimiter();
app.UseAuthentication();
app.UsePasswordChangeGate();
app.UseAuthorization();
app.UseFormBodies();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi();
app.MapCaseApi();
app.MapReferenceApi();
app.MapDeadlineApi();
app.MapAssessmentApi();
app.MapScoringApi();
app.MapCreditApi();
app.MapArchiveApi();
app.MapArchiveImportApi();
app.MapExportApi();
app.MapPublicApi();
app.MapQrCodeApi();
app.MapAccessApi();
app.MapPeopleApi();
app.MapOrganisationApi();
app.MapRosterImportApi();
app.MapNoticeApi();
app.MapAccounts();
app.MapPasswords();
app.MapSetup();
app.MapHealth();
app.MapCultureSwitch();
app.MapHub<LiveHub>(LiveHub.Path);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Command center listening on {Urls}", string.Join(", ", app.Urls)));

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
