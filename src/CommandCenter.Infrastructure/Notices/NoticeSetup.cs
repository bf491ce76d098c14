using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Notices;

public static class NoticeSetup
{
    /// <summary>The outbox interceptor, the worker (a hosted service when enabled), the configured gateway and the administration.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection(NoticeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(NoticeOptions.Section).Get<NoticeOptions>() ?? new NoticeOptions();
        services.AddSingleton<NoticeTemplates>();
        services.AddSingleton<NoticeOutbox>();
        services.AddSingleton<NoticeAdministration>();
        if (options.Gateway == NoticeGatewayKind.Http)
            services.AddSingleton<INoticeGateway>(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<NoticeOptions>>();
                return new HttpNoticeGateway(new HttpClient { Timeout = settings.Value.Http.Timeout }, settings);
            });
        else
            services.AddSingleton<INoticeGateway, DevelopmentNoticeGateway>();
        services.AddSingleton<NoticeWorker>();
        if (options.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<NoticeWorker>());
        return services;
    }
}
