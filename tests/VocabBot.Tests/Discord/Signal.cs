namespace VocabBot.Tests.Discord;

/// <summary>Wakes waiters whenever something changed, so tests await conditions instead of sleeping.</summary>
internal sealed class Signal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<T> WaitAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = Volatile.Read(ref _next).Task;
            if (probe() is { } found)
                return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.WhenAny(next, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitAsync(() => condition() ? "" : null, what, timeout);
}
