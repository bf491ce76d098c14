using System.Text.Json.Serialization;
using CommandCenter.Web.Api;
using CommandCenter.Web.Localization;
using MudBlazor.Services;

namespace CommandCenter.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddCommandCenterWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCommandCenterLocalization();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHostedService<Hubs.LiveEventForwarder>();
        services.AddScoped<Session.CurrentActor>();
        return services;
    }
}
