using VocabBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;
using static VocabBot.Tests.WordOfTheDay.WotdFixture;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WotdSchedulerTests
{
    private const string Channel = "123456789012345678";

    private static IHost BuildHost(TempFolder content, TempFolder data, FakeTimeProvider time, RecordingPoster poster, string cron = "0 0 8 * * ?", string zone = "Asia/Taipei")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = data.Path });
        builder.Configuration["Content:Directory"] = content.Path;
        builder.Configuration["Content:Watch"] = "false";
        builder.Configuration["Storage:DatabasePath"] = data.File("vocabbot.db");
        builder.Configuration["WordOfTheDay:Schedules:0:ChannelId"] = Channel;
        builder.Configuration["WordOfTheDay:Schedules:0:Cron"] = cron;
        builder.Configuration["WordOfTheDay:Schedules:0:TimeZone"] = zone;
        // One clock for our code and Quartz: registered before AddQuartz runs.
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new Random(7));
        builder.Services.AddSingleton<IChannelMessenger>(poster);
        builder.AddVocabBot(AppTransport.None);
        return builder.Build();
    }

    /// <summary>A bot run that starts, does its start-up catch-up and stops.</summary>
    private static async Task StartAndStopAsync(TempFolder content, TempFolder data, FakeTimeProvider time, RecordingPoster poster)
    {
        using var host = BuildHost(content, data, time, poster);
        await host.StartAsync();
        await host.Services.GetRequiredService<WotdScheduler>().CatchUp.WaitAsync(TimeSpan.FromSeconds(10));
        await host.StopAsync();
    }

    [Fact]
    public void Trigger_FiresAtLocalTime_AcrossADaylightSavingChange()
    {
        // America/New_York moves to summer time on 2026-03-08: 08:00 local is 13:00 UTC before, 12:00 UTC after.
        var schedule = new WotdSchedule(Channel, "0 0 8 * * ?", NewYork);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero));
        var trigger = WotdScheduler.TriggerFor(schedule, time);

        var fires = new List<DateTimeOffset>();
        DateTimeOffset? next = time.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            next = trigger.GetFireTimeAfter(next);
            fires.Add(next!.Value.ToUniversalTime());
        }

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 6, 13, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 7, 13, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero),
            ],
            fires);
    }

    [Theory]
    [InlineData("2026-03-10T00:30:00Z", true)]   // 08:30 in Taipei: today's 08:00 passed
    [InlineData("2026-03-09T23:30:00Z", false)]  // 07:30 in Taipei: not yet, and yesterday's is not caught up
    [InlineData("2026-03-10T15:59:00Z", true)]   // 23:59 in Taipei
    [InlineData("2026-03-10T16:01:00Z", false)]  // 00:01 the next day in Taipei
    public void WasDueToday_OnlyCountsTodaysTimeInTheChannelsZone(string now, bool due)
    {
        var schedule = new WotdSchedule(Channel, "0 0 8 * * ?", Taipei);

        Assert.Equal(due, WotdScheduler.WasDueToday(schedule, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task StartAfterTodaysTime_PostsOnceAtStartUp_AndNotAgainOnRestart()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero)); // 10:00 Taipei
        var poster = new RecordingPoster();

        await StartAndStopAsync(content, data, time, poster);
        await StartAndStopAsync(content, data, time, poster);

        Assert.Single(poster.Posts);
    }

    [Fact]
    public async Task StartBeforeTodaysTime_DoesNotCatchUpAMissedDay()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero)); // 07:00 Taipei
        var poster = new RecordingPoster();

        await StartAndStopAsync(content, data, time, poster);

        Assert.Empty(poster.Posts);
    }

    [Fact]
    public async Task Quartz_FiresTheJobOnTheSharedFakeClock()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 23, 59, 0, TimeSpan.Zero)); // 07:59 Taipei
        var poster = new RecordingPoster();
        using var host = BuildHost(content, data, time, poster);
        await host.StartAsync();

        for (var i = 0; i < 200 && poster.Posts.Count == 0; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        await host.StopAsync();
        Assert.Single(poster.Posts);
        Assert.Equal(Channel, poster.Posts[0].Channel);
    }
}
