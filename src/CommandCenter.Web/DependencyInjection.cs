using System.Text.Json.Serialization;
using CommandCenter.Web.Assets;
using CommandCenter.Web.Hardening;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Public;
using CommandCenter.Web.Telemetry;
using MudBlazor.Services;

namespace CommandCenter.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddCommandCenterWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(CircuitLimits.Apply);
        services.AddMudServices();
        services.AddAssetCompression();
        services.AddCommandCenterLocalization();
        services.AddCommandCenterProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(Api.IntIdSchemaTransformer.AddTo);
        services.AddHttpContextAccessor();
        var signalR = services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // With several servers the hub's groups span them all through Redis (Blazor still needs sticky sessions).
        if (configuration.GetSection(EventsOptions.Section).Get<EventsOptions>() is { Provider: EventsProvider.Redis, RedisConnectionString: { } redis })
            signalR.AddStackExchangeRedis(redis);
        services.AddHostedService<Hubs.LiveEventForwarder>();
        services.AddSingleton<Hubs.TokenConnections>();
        services.AddSingleton<Hubs.LocalConnections>();
        services.AddCommandCenterAccess(configuration);
        services.AddPublicRateLimits(configuration);
        services.AddCommandCenterTelemetry(configuration);
        return services;
    }
}
