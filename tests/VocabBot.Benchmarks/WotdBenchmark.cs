using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocabBot.Chat;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Many channels with their word of the day on the same minute, through the real host and Quartz on the
/// real clock, with a Discord that takes a given time per post: how long until every channel has its word.
/// </summary>
public static class WotdBenchmark
{
    public static async Task RunAsync(int channels, int postMilliseconds, int repeats)
    {
        for (var run = 1; run <= repeats; run++)
        {
            var folder = Directory.CreateTempSubdirectory("vocabbot-wotd-bench-").FullName;
            try
            {
                await RunOnceAsync(folder, channels, TimeSpan.FromMilliseconds(postMilliseconds), run);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunOnceAsync(string folder, int channels, TimeSpan perPost, int run)
    {
        var content = Path.Combine(folder, "content");
        Corpus.Write(content, articles: 20);
        // Every channel on the next whole minute, with at least 20 s to start the host first.
        var at = DateTimeOffset.UtcNow.AddSeconds(80);
        at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "vocabbot.db"),
            ["Content:Directory"] = content,
            ["Content:Watch"] = "false",
        };
        for (var i = 0; i < channels; i++)
        {
            settings[$"WordOfTheDay:Schedules:{i}:ChannelId"] = (100_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            settings[$"WordOfTheDay:Schedules:{i}:Cron"] = $"0 {at.Minute} {at.Hour} * * ?";
            settings[$"WordOfTheDay:Schedules:{i}:TimeZone"] = "UTC";
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var poster = new SlowPoster(perPost);
        builder.Services.AddSingleton<IChannelMessenger>(poster);
        builder.AddVocabBot(AppTransport.None);
        using var host = builder.Build();
        await host.StartAsync();
        var deadline = at.AddMinutes(2);
        while (poster.Posted.Count < channels && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(100);
        var times = poster.Posted.Values.Select(t => (t - at).TotalSeconds).Order().ToArray();
        await host.StopAsync();
        Console.WriteLine(FormattableString.Invariant(
            $"run {run}: {channels} channels at {at:HH:mm} UTC, {perPost.TotalMilliseconds:0} ms a post: {poster.Posted.Count} posted, {poster.Duplicates} duplicates; first {(times.Length > 0 ? times[0] : double.NaN):0.0} s, median {(times.Length > 0 ? Percentile.Of(times, 0.5) : double.NaN):0.0} s, last {(times.Length > 0 ? times[^1] : double.NaN):0.0} s after the minute"));
    }

    private sealed class SlowPoster(TimeSpan perPost) : IChannelMessenger
    {
        private int _duplicates;

        public ConcurrentDictionary<string, DateTimeOffset> Posted { get; } = new();

        public int Duplicates => _duplicates;

        public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
        {
            await Task.Delay(perPost, cancellationToken);
            if (!Posted.TryAdd(channelId, DateTimeOffset.UtcNow))
                Interlocked.Increment(ref _duplicates);
            return channelId;
        }

        public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
