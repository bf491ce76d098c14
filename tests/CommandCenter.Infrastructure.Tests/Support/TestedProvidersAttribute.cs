using System.Reflection;
using CommandCenter.Infrastructure.Persistence;
using Xunit.Sdk;

namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>A theory's data: each database provider that runs here (SQLite, and PostgreSQL on a server the tests start).</summary>
public sealed class TestedProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.PostgreSql]];
}
