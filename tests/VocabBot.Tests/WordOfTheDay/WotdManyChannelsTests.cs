using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Chat;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>Many channels on one minute, through the real Quartz scheduler on a fake clock.</summary>
public sealed class WotdManyChannelsTests
{
    // 07:59 in Taipei on 2026-03-10.
    private static readonly DateTimeOffset BeforeEight = new(2026, 3, 9, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task ChannelsQuartzCouldNotReachOnTime_StillPostThatDay()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var time = new FakeTimeProvider(BeforeEight);
        // Discord answers nothing until released, so every worker is busy and the other triggers misfire.
        var poster = new RecordingPoster { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var channels = Enumerable.Range(1, 15).Select(i => $"10000000000000{i:0000}").ToList();
        using var host = Build(content, data, time, poster, channels, new CapturedLogs(), workers: 2);
        await host.StartAsync();

        // Past 08:00 and far past Quartz's misfire threshold while the two workers wait on Discord.
        await AdvanceAsync(time, TimeSpan.FromMinutes(3), () => false);
        poster.Gate.SetResult();
        await AdvanceAsync(time, TimeSpan.FromMinutes(5), () => poster.Posts.Count == channels.Count);
        await host.StopAsync();

        Assert.Equal(channels.Order(), poster.Posts.Select(p => p.Channel).Order());
    }

    [Fact]
    public async Task DaysTheBotWasDown_AreLoggedAtStart()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var time = new FakeTimeProvider(BeforeEight.AddHours(2)); // 09:59 Taipei: today's post is caught up at start
        var poster = new RecordingPoster();
        string[] channels = ["100000000000000001"];
        using (var first = Build(content, data, time, poster, channels, new CapturedLogs()))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<WotdScheduler>().CatchUp.WaitAsync(TimeSpan.FromSeconds(10));
            await first.StopAsync();
        }

        time.Advance(TimeSpan.FromDays(3));
        var logs = new CapturedLogs();
        using var second = Build(content, data, time, poster, channels, logs);
        await second.StartAsync();
        await second.Services.GetRequiredService<WotdScheduler>().CatchUp.WaitAsync(TimeSpan.FromSeconds(10));
        await second.StopAsync();

        Assert.Contains(logs.Lines, l => l.Contains("Channel 100000000000000001 missed the word of the day on 2 day(s) after 2026-03-10", StringComparison.Ordinal));
        Assert.Equal(2, poster.Posts.Count);
    }

    private static IHost Build(TempFolder content, TempFolder data, FakeTimeProvider time, RecordingPoster poster, IReadOnlyList<string> channels, CapturedLogs logs, int workers = 10)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = data.Path });
        builder.Configuration["Content:Directory"] = content.Path;
        builder.Configuration["Content:Watch"] = "false";
        builder.Configuration["Storage:DatabasePath"] = data.File("vocabbot.db");
        builder.Configuration["WordOfTheDay:ConcurrentPosts"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < channels.Count; i++)
        {
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:ChannelId"] = channels[i];
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:Cron"] = "0 0 8 * * ?";
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:TimeZone"] = "Asia/Taipei";
        }
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IChannelMessenger>(poster);
        builder.AddVocabBot(AppTransport.None);
        return builder.Build();
    }

    // Quartz polls on its own threads: the fake clock moves in steps with a short real pause for them, bounded.
    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan total, Func<bool> done)
    {
        for (var moved = TimeSpan.Zero; moved < total && !(moved > TimeSpan.Zero && done()); moved += TimeSpan.FromSeconds(5))
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10);
        }
    }
}
