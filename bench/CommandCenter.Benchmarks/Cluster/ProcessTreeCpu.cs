using System.Globalization;

namespace CommandCenter.Benchmarks.Cluster;

/// <summary>
/// The CPU time of a process and all its descendants, from /proc: their own time while they live, and the time
/// of those that ended, which the kernel adds to the parent that reaped them. PostgreSQL serves each connection
/// from a child process, so its postmaster alone says nothing about what the database costs.
/// </summary>
internal static class ProcessTreeCpu
{
    // USER_HZ: the unit of the times in /proc/PID/stat; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int rootId)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<Stat>()
            .ToList();
        var children = stats.ToLookup(s => s.ParentId);
        var ticks = 0L;
        var pending = new Stack<int>([rootId]);
        while (pending.TryPop(out var id))
        {
            var stat = stats.Find(s => s.Id == id);
            if (stat is null) continue;
            // The reaped children's time counts once, in the process that reaped them.
            ticks += stat.OwnTicks + stat.ReapedChildrenTicks;
            foreach (var child in children[id]) pending.Push(child.Id);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static Stat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name is in parentheses and may hold spaces: the fields are counted after its closing one.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new Stat(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    private sealed record Stat(int Id, int ParentId, long OwnTicks, long ReapedChildrenTicks);
}
