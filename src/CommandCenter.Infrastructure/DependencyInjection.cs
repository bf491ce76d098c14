using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommandCenter.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddCommandCenterInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddPooledDbContextFactory<SqlServerCommandCenterDbContext>(o => DatabaseSetup.SqlServer(o, database.ConnectionString));
            services.AddSingleton<IDbContextFactory<CommandCenterDbContext>, ContextFactory<SqlServerCommandCenterDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteCommandCenterDbContext>(o => DatabaseSetup.Sqlite(o, database.ConnectionString));
            services.AddSingleton<IDbContextFactory<CommandCenterDbContext>, ContextFactory<SqliteCommandCenterDbContext>>();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new WriteGate(serialise: database.Provider == DatabaseProvider.Sqlite));
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<IntakeWriter>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
