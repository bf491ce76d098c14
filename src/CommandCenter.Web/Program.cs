using CommandCenter.Infrastructure;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web;
using CommandCenter.Web.Api;
using CommandCenter.Web.Components;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Public;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddCommandCenterInfrastructure(builder.Configuration)
    .AddCommandCenterWeb(builder.Configuration);

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().InitialiseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Before the exception handler, so refusals are written in the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
// The API answers errors as ProblemDetails; pages show the localized not-found page.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapCaseApi();
app.MapReferenceApi();
app.MapDeadlineApi();
app.MapPublicApi();
app.MapQrCodeApi();
app.MapCultureSwitch();
app.MapHub<LiveHub>(LiveHub.Path);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Command center listening on {Urls}", string.Join(", ", app.Urls)));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
