using System.Diagnostics;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace CommandCenter.Benchmarks;

/// <summary>
/// Issue 16's import figure: a staff roster of <c>--rows</c> rows (5,000 by default) over the demo street, as an .xlsx
/// file — read, previewed (goal ≤ 5 s), accepted in one write, then previewed again (every row unchanged). No row
/// asks for a sign-in: each would hash a password, which is the sign-in's cost and not the import's.
/// </summary>
internal static class RosterBenchmark
{
    public static Task RunAsync(int rows) =>
        FreshDatabase.RunAsync("roster", new Dictionary<string, string>(), (services, _) => MeasureAsync(services, rows));

    private static async Task MeasureAsync(IServiceProvider services, int count)
    {
        var workbook = await WorkbookAsync(services, count);
        var roster = services.GetRequiredService<RosterImport>();
        var admin = Post.System(ActSource.Simulator);
        Console.WriteLine($"Roster: {count:N0} staff rows, {workbook.Length / 1024:N0} KB .xlsx; {Environment.ProcessorCount} cores, load average {FreshDatabase.LoadAverage()}");

        var (read, sheet) = await TimeAsync(() => WorkbookReader.ReadAsync(new MemoryStream(workbook), "roster.xlsx", RosterImport.ColumnsOf(RosterSheet.Staff), RosterImport.MaxRows, CancellationToken.None));
        var (preview, previewed) = await TimeAsync(() => roster.PreviewAsync(RosterSheet.Staff, sheet.Rows, admin));
        var (accept, accepted) = await TimeAsync(() => roster.AcceptAsync(RosterSheet.Staff, sheet.Rows, sheet.File, admin));
        var (again, unchanged) = await TimeAsync(() => roster.PreviewAsync(RosterSheet.Staff, sheet.Rows, admin));

        Console.WriteLine($"  read    {read.TotalMilliseconds,8:N0} ms");
        Console.WriteLine($"  preview {preview.TotalMilliseconds,8:N0} ms ({previewed.New:N0} new, {previewed.Invalid:N0} invalid); read + preview {(read + preview).TotalSeconds:F2} s (goal ≤ 5 s)");
        Console.WriteLine($"  import  {accept.TotalMilliseconds,8:N0} ms ({accepted.Summary.New:N0} new, one write)");
        Console.WriteLine($"  again   {again.TotalMilliseconds,8:N0} ms ({unchanged.Unchanged:N0} unchanged, {unchanged.New + unchanged.Changed} to change)");
        Console.WriteLine($"  load average after: {FreshDatabase.LoadAverage()}");
    }

    /// <summary>
    /// Grid workers, community staff and property staff spread over the demo street's grids, communities and
    /// companies, each with their own phone, as a street's roster has them.
    /// </summary>
    private static async Task<byte[]> WorkbookAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        var grids = await db.Grids.AsNoTracking().ToListAsync();
        var companies = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.PropertyCompany).Select(u => u.Name).ToListAsync();
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var grid = grids[i % grids.Count];
            var (role, unit, community, gridName) = (i % 3) switch
            {
                0 => ("网格员", (string?)null, communities[grid.CommunityId], grid.Name),
                1 => ("社区工作人员", null, communities[grid.CommunityId], (string?)null),
                _ => ("物业人员", companies[i % companies.Count], null, null),
            };
            return new Dictionary<string, object?>
            {
                ["姓名"] = $"职工{i:D5}", ["电话"] = $"137{i:D8}", ["岗位"] = role, ["单位"] = unit, ["社区"] = community, ["网格"] = gridName,
                ["在岗"] = "是", ["账号"] = null,
            };
        });
        var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows);
        return file.ToArray();
    }

    private static async Task<(TimeSpan, T)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (watch.Elapsed, result);
    }
}
