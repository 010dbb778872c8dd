using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WotdCommandsTests : IAsyncLifetime
{
    private const string Channel = "555555555555555555";
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md");
    private readonly TempFolder _data = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _data.Path });
        builder.Configuration["Content:Directory"] = _content.Path;
        builder.Configuration["Content:Watch"] = "false";
        builder.Configuration["Storage:DatabasePath"] = _data.File("vocabbot.db");
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero)));
        builder.Services.AddSingleton<IMessagePoster>(new RecordingPoster());
        builder.AddStorage();
        builder.AddContent();
        builder.AddWordOfTheDay();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _content.Dispose();
        _data.Dispose();
    }

    private WotdCommands Commands => _host.Services.GetRequiredService<WotdCommands>();

    private static ChatRequest Setup(bool manager, string time, string? zone = null, string? guild = "900")
    {
        var options = new Dictionary<string, string> { ["channel"] = Channel, ["time"] = time };
        if (zone is not null)
            options["timezone"] = zone;
        return new ChatRequest("42", "Mei", guild, "wotd-setup", options, "777", manager);
    }

    private async Task<ITrigger?> TriggerAsync()
    {
        var scheduler = await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(new TriggerKey(Channel, "wotd"));
    }

    [Fact]
    public async Task Setup_ByMemberWithoutManageServer_IsRefusedAndSchedulesNothing()
    {
        var reply = await Commands.SetupAsync(Setup(manager: false, "08:00"), default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("Manage Server", reply.Text);
        Assert.Null(await TriggerAsync());
        Assert.DoesNotContain(_host.Services.GetRequiredService<WotdSchedules>().All(), s => s.ChannelId == Channel);
    }

    [Fact]
    public async Task Setup_ByManager_AppliesToTheRunningScheduler_AndOffRemovesIt()
    {
        var reply = await Commands.SetupAsync(Setup(manager: true, "21:30", "America/New_York"), default);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await TriggerAsync());
        Assert.Equal("0 30 21 * * ?", trigger.CronExpressionString);
        Assert.Equal("America/New_York", trigger.TimeZone.Id);
        Assert.Contains("21:30 (America/New_York)", reply.Text);

        var off = await Commands.SetupAsync(Setup(manager: true, "off"), default);

        Assert.Contains("off", off.Text);
        Assert.Null(await TriggerAsync());
    }

    [Theory]
    [InlineData("25:00", null, "not a time")]
    [InlineData("8 am", null, "not a time")]
    [InlineData("08:00", "Mars/Olympus", "not a time zone")]
    public async Task Setup_BadInput_SaysWhatWasWrong(string time, string? zone, string message)
    {
        var reply = await Commands.SetupAsync(Setup(manager: true, time, zone), default);

        Assert.Contains(message, reply.Text);
        Assert.Null(await TriggerAsync());
    }

    [Fact]
    public async Task Setup_InADirectMessage_IsRefused()
    {
        var reply = await Commands.SetupAsync(Setup(manager: true, "08:00", guild: null), default);

        Assert.Contains("from a server", reply.Text);
    }

    [Fact]
    public async Task Wotd_ShowsTodaysWordForThisChannel()
    {
        var request = new ChatRequest("42", "Mei", "900", "wotd", new Dictionary<string, string>(), "777");

        var first = await Commands.TodayAsync(request, default);
        var again = await Commands.TodayAsync(request, default);

        Assert.StartsWith("📖 ", first.Card!.Title);
        Assert.Equal(first.Card.Title, again.Card!.Title);
    }
}
