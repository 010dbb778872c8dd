using Microsoft.Extensions.Time.Testing;

namespace VocabBot.Tests.Discord;

internal static class ClockSteps
{
    /// <summary>
    /// Moves the clock on in small steps until <paramref name="condition"/> holds, for at most 10 s of real time.
    /// The bot sets its timers on threads the test does not see, so one big jump could come before a timer
    /// exists and miss it; each step gives the bot a moment to set the next one.
    /// </summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}; the fake clock reads {time.GetUtcNow():O}.");
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }
}
