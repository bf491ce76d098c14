using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>
/// SQL Server contexts that translate every query but never reach a server (none runs here): opening the
/// connection is suppressed and each command answers an empty result — one row for a COUNT or an EXISTS,
/// so the code after it goes on to its next query. A LINQ query SQL Server cannot translate throws as it
/// would against a real server; the SQL of each command is kept, to show what was translated.
/// </summary>
public sealed partial class SqlServerTranslation : IDbContextFactory<CommandCenterDbContext>, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private readonly DbContextOptions<SqlServerCommandCenterDbContext> _options;
    private readonly List<string> _commands = [];

    public SqlServerTranslation()
    {
        var builder = new DbContextOptionsBuilder<SqlServerCommandCenterDbContext>();
        DatabaseSetup.SqlServer(builder, "Server=no-server-runs-here;Database=CommandCenter;Integrated Security=false").AddInterceptors(this);
        _options = builder.Options;
    }

    /// <summary>The SQL of every command run so far, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get { lock (_commands) return [.. _commands]; }
    }

    public CommandCenterDbContext CreateDbContext() => new SqlServerCommandCenterDbContext(_options);

    public Task<CommandCenterDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command.CommandText)));

    private DataTableReader Answer(string sql)
    {
        lock (_commands) _commands.Add(sql);
        var table = new DataTable();
        if (Count().IsMatch(sql))
        {
            table.Columns.Add("Count", typeof(int));
            table.Rows.Add(1);
        }
        else if (Exists().IsMatch(sql))
        {
            table.Columns.Add("Exists", typeof(bool));
            table.Rows.Add(false);
        }
        return table.CreateDataReader();
    }

    [GeneratedRegex(@"^SELECT COUNT(_BIG)?\(\*\)\s+FROM", RegexOptions.CultureInvariant)]
    private static partial Regex Count();

    [GeneratedRegex(@"^SELECT CASE\s+WHEN EXISTS", RegexOptions.CultureInvariant)]
    private static partial Regex Exists();
}
