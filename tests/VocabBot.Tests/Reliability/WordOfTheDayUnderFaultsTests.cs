using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Chat;
using VocabBot.Discord;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;
using Xunit.Abstractions;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// Words of the day to many channels on one minute, over several days, through the app's own composition: schedules
/// from configuration, the real Quartz scheduler on a fake clock, and the bot's Discord channel messenger talking to
/// the fake Discord. Some days every worker is held up so that the other triggers misfire; every day Discord's post
/// route fails now and then; every other day the bot restarts on the same database; and two channels refuse the bot
/// for good. Each other channel must get exactly one post a day. VOCABBOT_LONG=1 runs ten times as many days.
/// </summary>
public sealed class WordOfTheDayUnderFaultsTests(ITestOutputHelper output)
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("VOCABBOT_LONG") == "1";
    private static readonly int Days = Long ? 30 : 3;
    private const int Channels = 10;
    private const int Workers = 2;
    private const int FaultsPerDay = 6;

    // 07:59:58 in Taipei on 2026-03-10, two seconds before every channel's 08:00.
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 23, 59, 58, TimeSpan.Zero);

    // Far past Quartz's misfire threshold (RAMJobStore's default is 5 s).
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Quartz, the retries and the rate limiter wait on the fake clock from threads the test does not see, so the clock
    // moves in steps with a short real pause after each: 100 ms of it while posts are on their way (about ten times
    // real time, so a day without a hold keeps inside the misfire threshold), a second while only held posts wait.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HoldStep = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task WordOfTheDay_ThroughQuartz_UnderMisfiresRestFaultsRestartsAndRefusals_PostedExactlyOncePerChannelAndDay()
    {
        var channels = Enumerable.Range(0, Channels).Select(c => $"2100000000000000{c:00}").ToList();
        var refusals = new Dictionary<string, DiscordError> { [channels[3]] = DiscordError.MissingPermissions, [channels[7]] = DiscordError.UnknownChannel };
        var healthy = channels.Except(refusals.Keys).ToList();
        var time = new FakeTimeProvider(Start);
        await using var discord = await FakeDiscord.StartAsync();
        using var data = new TempFolder();
        var logs = new CapturedLogs();
        var posts = new HeldPosts(time);
        var quartz = new QuartzMisfires();
        using var meters = quartz.Listen();
        var random = new Random(5);
        var faults = new Dictionary<string, int>();
        var perDay = healthy.ToDictionary(c => c, _ => new List<int>());
        int misfiredPosts = 0, heldDays = 0, restarts = 0;
        long misfiresOnHeldDays = 0, misfiresOnOtherDays = 0;

        // The refusing channels answer so every time they are asked; queued first, so no day's fault gets in before them.
        foreach (var (channel, error) in refusals)
        {
            for (var i = 0; i < Days; i++)
                discord.FailNextWith($"/channels/{channel}/", error);
        }

        var host = await StartAsync(discord, data, time, posts, logs, quartz, channels);
        try
        {
            for (var day = 0; day < Days; day++)
            {
                var postTime = Start.AddDays(day).AddSeconds(2);
                var messagesBefore = healthy.ToDictionary(c => c, c => MessagesIn(discord, c));
                var skippedBefore = refusals.Keys.ToDictionary(c => c, c => Skipped(logs, c));
                var misfiresBefore = quartz.Count;
                for (var f = 0; f < FaultsPerDay; f++)
                    Count(faults, InjectPostFault(discord, random.Next(4)));

                var held = day % 3 != 2;
                var releasedAt = DateTimeOffset.MaxValue;
                if (held)
                {
                    // Discord is slow to answer: both workers take a post at 08:00 and wait on it, and the other
                    // triggers wait for a worker until far past Quartz's misfire threshold.
                    heldDays++;
                    posts.Hold();
                    await StepUntilAsync(time, Step, () => posts.Waiting == Workers, $"day {day}: both workers holding a post", logs);
                    await StepUntilAsync(time, HoldStep, () => time.GetUtcNow() >= postTime + HoldFor, $"day {day}: the hold", logs);
                    releasedAt = time.GetUtcNow();
                    posts.Release();
                }

                // Every channel that takes posts got one, the refusing ones were asked (day 0) or skipped, and no post is on its way.
                await StepUntilAsync(time, Step, () => posts.InFlight == 0
                    && healthy.All(c => MessagesIn(discord, c) > messagesBefore[c])
                    && refusals.Keys.All(c => day == 0 ? RequestsTo(discord, c) > 0 : Skipped(logs, c) > skippedBefore[c]),
                    $"day {day}: its posts", logs);
                foreach (var channel in healthy)
                    perDay[channel].Add(MessagesIn(discord, channel) - messagesBefore[channel]);
                // No post starts while the hold lasts: a trigger that first posted after it fired a minute late, as a misfire.
                misfiredPosts += posts.FirstCalls(postTime).Count(c => healthy.Contains(c.Key) && c.Value >= releasedAt);
                if (held)
                    misfiresOnHeldDays += quartz.Count - misfiresBefore;
                else
                    misfiresOnOtherDays += quartz.Count - misfiresBefore;

                if (day % 2 == 1 && day < Days - 1)
                {
                    await StopAsync(host);
                    host = await StartAsync(discord, data, time, posts, logs, quartz, channels);
                    restarts++;
                }

                // Nothing is on its way: on to two seconds before the next day's 08:00 in one move.
                if (day < Days - 1)
                    time.SetUtcNow(Start.AddDays(day + 1));
            }
        }
        finally
        {
            await StopAsync(host);
        }

        // Stopping waited for the bot's work in flight: a late duplicate would be in the channel by now.
        Assert.All(healthy, c => Assert.True(perDay[c].All(n => n == 1) && MessagesIn(discord, c) == Days,
            $"channel {c} got [{string.Join(", ", perDay[c])}] posts on the {Days} days and {MessagesIn(discord, c)} in all"));
        Assert.All(refusals.Keys, c => Assert.Equal(1, RequestsTo(discord, c)));
        Assert.All(refusals.Keys, c => Assert.Equal(0, MessagesIn(discord, c)));
        Assert.True(misfiredPosts > 0, "no trigger misfired and still posted");
        Assert.True(misfiresOnHeldDays >= misfiredPosts, $"Quartz counted {misfiresOnHeldDays} misfires on the held days, {misfiredPosts} posts came after the hold");
        var postRequests = discord.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal)).ToList();
        var failed = postRequests.Count(r => r.Status >= 400);
        Assert.Equal(faults.Values.Sum() + refusals.Count, failed);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("failed after every retry", StringComparison.Ordinal));
        discord.AssertBodiesValid();

        output.WriteLine($"{Channels} channels x {Days} days through Quartz ({Workers} workers), {restarts} restarts; posts held for {HoldFor.TotalSeconds:0} s " +
            $"on {heldDays} days: {misfiredPosts} misfired triggers still posted; Quartz counted {misfiresOnHeldDays} misfires on held days, " +
            $"{misfiresOnOtherDays} on the others; injected {string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Value} {f.Key}"))}; " +
            $"{postRequests.Count} post requests ({failed} failed); {healthy.Count} channels: {discord.ChannelMessages.Count} messages, one a day each, " +
            $"0 missing, 0 duplicates; {refusals.Count} refusing channels ({string.Join(", ", refusals.Values.Select(e => $"{e.Status} {e.Code}"))}): 1 request each, " +
            $"{string.Join(" and ", refusals.Keys.Select(c => Skipped(logs, c)))} later triggers skipped without a request");
    }

    private static async Task<IHost> StartAsync(FakeDiscord discord, TempFolder data, FakeTimeProvider time, HeldPosts posts, CapturedLogs logs, QuartzMisfires quartz, IReadOnlyList<string> channels)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing", ContentRootPath = data.Path });
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = data.File("vocabbot.db"),
            ["Content:Directory"] = Paths.Library,
            ["Content:Watch"] = "false",
            ["Discord:Token"] = "test-token-" + Guid.NewGuid().ToString("N"),
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:RestRetryDelay"] = "00:00:00.020",
            // The fake clock runs ahead of the real one while a request is on the wire; no request may time out by it.
            ["Discord:RestTimeout"] = "00:05:00",
            ["WordOfTheDay:ConcurrentPosts"] = Workers.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < channels.Count; i++)
        {
            settings[$"WordOfTheDay:Schedules:{i}:ChannelId"] = channels[i];
            settings[$"WordOfTheDay:Schedules:{i}:Cron"] = "0 0 8 * * ?";
            settings[$"WordOfTheDay:Schedules:{i}:TimeZone"] = "Asia/Taipei";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddVocabBot(AppTransport.None);
        // The bot's Discord transport for its channel posts, without the gateway: nothing in this test comes in over it.
        builder.AddDiscord();
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DiscordGateway)));
        builder.Services.AddSingleton<DiscordChannelMessenger>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IChannelMessenger>(sp => posts.Around(sp.GetRequiredService<DiscordChannelMessenger>())));
        var host = builder.Build();
        quartz.Watch(host.Services.GetRequiredService<IMeterFactory>());
        await host.StartAsync();
        await host.Services.GetRequiredService<WotdScheduler>().CatchUp.WaitAsync(Bound);
        return host;
    }

    private static async Task StopAsync(IHost host)
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await host.StopAsync(stop.Token);
        host.Dispose();
    }

    private static async Task StepUntilAsync(FakeTimeProvider time, TimeSpan step, Func<bool> done, string what, CapturedLogs logs)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; the fake clock reads {time.GetUtcNow():O}. Last log lines:\n" +
                    string.Join('\n', logs.Lines.Where(l => !l.StartsWith("Debug Quartz", StringComparison.Ordinal)).TakeLast(30)));
            }
            time.Advance(step);
            await Task.Delay(10);
        }
    }

    private static int MessagesIn(FakeDiscord discord, string channel) => discord.ChannelMessages.Count(m => m.Channel == channel);

    private static int RequestsTo(FakeDiscord discord, string channel) =>
        discord.Requests.Count(r => r.Path.StartsWith($"/channels/{channel}/", StringComparison.Ordinal));

    // The bot logs each trigger of a refusing channel that it skips without asking Discord.
    private static int Skipped(CapturedLogs logs, string channel) =>
        logs.Lines.Count(l => l.Contains($"Skipped the word of the day for channel {channel}", StringComparison.Ordinal));

    private static string InjectPostFault(FakeDiscord discord, int kind)
    {
        switch (kind)
        {
            case 0:
                discord.FailNext("/channels/", 500, """{"message": "500: Internal Server Error", "code": 0}""");
                return "post 500";
            case 1:
                discord.FailNext("/channels/", 503);
                return "post 503";
            case 2:
                discord.FailNext("/channels/", 429, """{"message": "You are being rate limited.", "retry_after": 0.02, "global": false}""",
                    new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user" });
                return "post 429";
            default:
                discord.FailNextAfterDoingIt("/channels/", 500);
                return "post 500 after posting";
        }
    }

    private static void Count<T>(Dictionary<T, int> counts, T key) where T : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>
    /// The triggers Quartz handled as misfired, from its quartz.trigger.misfire counter on the meters of the test's
    /// hosts (Quartz builds them from the host's IMeterFactory), so other tests' schedulers do not count.
    /// </summary>
    private sealed class QuartzMisfires
    {
        private readonly ConcurrentDictionary<IMeterFactory, bool> _factories = new();
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Watch(IMeterFactory factory) => _factories[factory] = true;

        public MeterListener Listen()
        {
            var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Name == "quartz.trigger.misfire")
                        l.EnableMeasurementEvents(instrument);
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Meter.Scope is IMeterFactory factory && _factories.ContainsKey(factory))
                    Interlocked.Add(ref _count, value);
            });
            listener.Start();
            return listener;
        }
    }

    /// <summary>
    /// Holds the bot's channel posts before they reach its Discord messenger while the test says so, as a Discord that
    /// is slow to answer would; notes on the bot's clock when each post was asked for. Kept across restarts.
    /// </summary>
    private sealed class HeldPosts(TimeProvider time)
    {
        private readonly TimeProvider _time = time;
        private readonly Lock _lock = new();
        private readonly List<(string Channel, DateTimeOffset At)> _calls = [];
        private TaskCompletionSource _gate = Open();
        private int _waiting;
        private int _inFlight;

        public int Waiting => Volatile.Read(ref _waiting);

        public int InFlight => Volatile.Read(ref _inFlight);

        public void Hold()
        {
            lock (_lock)
                _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release()
        {
            lock (_lock)
                _gate.TrySetResult();
        }

        /// <summary>When each channel's first post since <paramref name="since"/> was asked for.</summary>
        public Dictionary<string, DateTimeOffset> FirstCalls(DateTimeOffset since)
        {
            lock (_lock)
                return _calls.Where(c => c.At >= since).GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Min(c => c.At));
        }

        public IChannelMessenger Around(IChannelMessenger inner) => new Messenger(this, inner);

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        private sealed class Messenger(HeldPosts posts, IChannelMessenger inner) : IChannelMessenger
        {
            public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
            {
                Task gate;
                lock (posts._lock)
                {
                    posts._calls.Add((channelId, posts._time.GetUtcNow()));
                    gate = posts._gate.Task;
                }

                Interlocked.Increment(ref posts._inFlight);
                try
                {
                    if (!gate.IsCompleted)
                    {
                        Interlocked.Increment(ref posts._waiting);
                        try
                        {
                            await gate.WaitAsync(cancellationToken);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref posts._waiting);
                        }
                    }
                    return await inner.PostAsync(channelId, message, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref posts._inFlight);
                }
            }

            public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) =>
                inner.EditAsync(channelId, messageId, message, cancellationToken);
        }
    }
}
