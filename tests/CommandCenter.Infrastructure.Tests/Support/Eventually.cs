namespace CommandCenter.Infrastructure.Tests.Support;

/// <summary>Waits generously for something the timers do; precision is the benchmark's job, not the tests'.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(200);
        }
    }
}
