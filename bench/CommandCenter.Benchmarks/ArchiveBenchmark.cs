using System.Diagnostics;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace CommandCenter.Benchmarks;

/// <summary>
/// Issue 17's figures on the embedded SQLite: an owner list of <c>--homes</c> units (50,000 by default) with their owners
/// — co-owned homes, a developer's unsold units, investors with several — read from .xlsx, previewed and accepted (goal
/// ≤ 60 s); then <c>--residents</c> current residents (100,000 by default) with tags spread over those homes, and the
/// courtyard page's query (一本账, goal ≤ 200 ms) and the street-wide tag search's first page (goal p95 ≤ 100 ms) through
/// the same <see cref="ArchiveQueries"/> the pages use.
/// </summary>
internal static class ArchiveBenchmark
{
    private const int Runs = 50;

    // The demo street's places only: the homes and people are the benchmark's own.
    public static Task RunAsync(int homes, int residents) =>
        FreshDatabase.RunAsync("archive", new Dictionary<string, string> { ["Database:DemoArchivePercent"] = "0" },
            async (services, file) => await MeasureAsync(services, homes, residents, await MachineYardstick.MeasureAsync(file)));

    private static async Task MeasureAsync(IServiceProvider services, int homeCount, int residentCount, MachineYardstick yardstick)
    {
        var street = Post.System(ActSource.Simulator);
        var courtyards = await CourtyardsAsync(services);
        var workbook = OwnerList(courtyards, homeCount);
        Console.WriteLine($"Archive: owner list of {homeCount:N0} units, {workbook.Length / 1024:N0} KB .xlsx, over {courtyards.Count} courtyards; " +
            $"{Environment.ProcessorCount} cores, load average {FreshDatabase.LoadAverage()}");

        var import = services.GetRequiredService<OwnerListImport>();
        var watch = Stopwatch.StartNew();
        var sheet = await WorkbookReader.ReadAsync(new MemoryStream(workbook), "owners.xlsx", OwnerListImport.Columns, OwnerListImport.MaxRows, CancellationToken.None);
        var read = watch.Elapsed;
        var preview = await import.PreviewAsync(street, ArchiveSource.LandRegistry, sheet.Rows);
        var previewed = watch.Elapsed;
        var accepted = await import.AcceptAsync(street, ArchiveSource.LandRegistry, sheet.Rows);
        var total = watch.Elapsed;
        Console.WriteLine($"  import   read {read.TotalSeconds:F1} s, preview {(previewed - read).TotalSeconds:F1} s ({preview.New:N0} new rows, {preview.Invalid:N0} invalid), " +
            $"accept {(total - previewed).TotalSeconds:F1} s ({accepted.New:N0} new); total {total.TotalSeconds:F1} s (goal ≤ 60 s)");

        await AddResidentsAsync(services, residentCount);
        var archive = services.GetRequiredService<ArchiveQueries>();
        var biggest = courtyards[0].Id;
        var page = await TimeAsync(() => archive.CourtyardAsync(street, biggest));
        var view = await archive.CourtyardAsync(street, biggest);
        Console.WriteLine($"  courtyard page ({view.Homes:N0} homes, {view.Residents:N0} residents)  {page.Describe(50, 95, 99)}  p95 = {yardstick.PerHashedMegabyte(page.Percentile(95))} (goal ≤ 200 ms)");
        var query = new PeopleQuery(ResidentTags.ElderlyAlone);
        var search = await TimeAsync(() => archive.PeopleAsync(street, query));
        var found = await archive.PeopleAsync(street, query);
        Console.WriteLine($"  tag search, street-wide, first page ({found.TotalCount:N0} of {residentCount:N0} residents)  {search.Describe(50, 95, 99)}  " +
            $"p95 = {yardstick.PerHashedMegabyte(search.Percentile(95))} (goal p95 ≤ 100 ms)");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  memory: managed {GC.GetTotalMemory(false) / 1048576:N0} MB, peak working set {process.PeakWorkingSet64 / 1048576:N0} MB; load average after: {FreshDatabase.LoadAverage()}");
    }

    /// <summary>The demo street's courtyards, the largest first (more homes go to the larger ones, as in life).</summary>
    private static async Task<List<Courtyard>> CourtyardsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return await db.Courtyards.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>
    /// One row per owner: nine homes in ten have one owner, one in ten a couple (two rows, one representative); in every
    /// courtyard a developer holds one unit in twenty unsold; three homes in fifty belong to investors holding three each.
    /// </summary>
    private static byte[] OwnerList(List<Courtyard> courtyards, int homeCount)
    {
        var rows = new List<Dictionary<string, object?>>(homeCount + homeCount / 10);
        for (var i = 0; i < homeCount; i++)
        {
            // Half the homes in the first courtyard, so the courtyard page is measured at its worst.
            var courtyard = i % 2 == 0 ? courtyards[0] : courtyards[1 + i % (courtyards.Count - 1)];
            var unit = $"{i / 400 + 1}-{i % 400 / 4 + 1}{i % 4 + 1:D2}-{i}";
            var area = 60 + i % 80;
            Dictionary<string, object?> Row(string owner, string? kind, string? idNumber, string? representative) => new()
            {
                ["院落"] = courtyard.Name, ["门牌"] = unit, ["专有面积"] = (double)area, ["面积来源"] = ArchiveWords.AreaSources[AreaSource.Registry],
                ["用途"] = ArchiveWords.Uses[HomeUse.Home], ["业主"] = owner, ["业主类型"] = kind, ["身份证号"] = idNumber, ["电话"] = null, ["份额"] = null,
                ["代表人"] = representative,
            };
            if (i % 20 == 0) rows.Add(Row($"{courtyard.Name}置业有限公司", "开发商", null, null));
            else if (i % 10 == 1)
            {
                rows.Add(Row($"业主{i}", null, IdOf(i), "是"));
                rows.Add(Row($"配偶{i}", null, IdOf(homeCount + i), "否"));
            }
            else if (i % 50 is 7 or 8 or 9) rows.Add(Row($"投资人{i / 50}", null, IdOf(2 * homeCount + i / 50), null));
            else rows.Add(Row($"业主{i}", null, IdOf(i), null));
        }
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        return file.ToArray();
    }

    private static string IdOf(int n)
    {
        // Only the check character is checked; seven running digits keep every owner's number apart.
        var digits = $"5001031950{n:D7}";
        return digits + IdNumber.CheckCharacterOf(digits);
    }

    /// <summary>Residents written straight into the book (not timed): two to a home, round-robin, tags as a street has them.</summary>
    private static async Task AddResidentsAsync(IServiceProvider services, int count)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var homes = await db.Homes.AsNoTracking().OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();
        var now = DateTime.UtcNow;
        ResidentTags[] tags = [ResidentTags.None, ResidentTags.None, ResidentTags.SchoolAgeChild, ResidentTags.ElderlyAlone, ResidentTags.PartyMember,
            ResidentTags.None, ResidentTags.Dibao | ResidentTags.Disabled, ResidentTags.Volunteer | ResidentTags.Backbone, ResidentTags.None, ResidentTags.None];
        const int Batch = 5_000;
        for (var start = 0; start < count; start += Batch)
        {
            await using var batch = await contexts.CreateDbContextAsync();
            batch.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
                batch.Residents.Add(Resident.Record(new ResidentId(i + 1), homes[i % homes.Count], $"居民{i}", 1, i % 2 == 0 ? Relation.Head : Relation.Spouse,
                    null, tags[i % tags.Length], null, null, ArchiveSource.ResidentBook, now));
            await batch.SaveChangesAsync();
        }
    }

    private static async Task<LatencyStats> TimeAsync<T>(Func<Task<T>> query)
    {
        await query();
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await query();
            times.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        return new LatencyStats(times);
    }
}
