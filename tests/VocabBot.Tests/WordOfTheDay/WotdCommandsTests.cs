using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using VocabBot.Chat;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WotdCommandsTests : IAsyncLifetime
{
    private const string Channel = "555555555555555555";
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md");
    private readonly TempFolder _data = new();
    private IHost _host = null!;

    private RecordingPoster Poster { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _data.Path });
        builder.Configuration["Content:Directory"] = _content.Path;
        builder.Configuration["Content:Watch"] = "false";
        builder.Configuration["Storage:DatabasePath"] = _data.File("vocabbot.db");
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero)));
        builder.Services.AddSingleton<IChannelMessenger>(Poster);
        builder.AddVocabBot(AppTransport.None);
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

    private ChatRouter Commands => _host.Services.GetRequiredService<ChatRouter>();

    private static ChatRequest Setup(bool manager, string? time, string? zone = null, string? guild = "900")
    {
        var options = new Dictionary<string, string> { ["channel"] = Channel };
        if (time is not null)
            options["time"] = time;
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
        var reply = await Commands.HandleAsync(Setup(manager: false, "08:00"), default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("Manage Server", reply.Text);
        Assert.Null(await TriggerAsync());
        Assert.DoesNotContain(await _host.Services.GetRequiredService<WotdSchedules>().AllAsync(CancellationToken.None), s => s.ChannelId == Channel);
    }

    [Fact]
    public async Task Setup_ByManager_AppliesToTheRunningScheduler_AndOffRemovesIt()
    {
        var reply = await Commands.HandleAsync(Setup(manager: true, "21:30", "America/New_York"), default);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await TriggerAsync());
        Assert.Equal("0 30 21 * * ?", trigger.CronExpressionString);
        Assert.Equal("America/New_York", trigger.TimeZone.Id);
        Assert.Contains("21:30, America/New_York", reply.Text);
        var proof = Assert.Single(Poster.Posts);
        Assert.Equal(Channel, proof.Channel);
        Assert.Equal("The word of the day will be posted here every day at 21:30, America/New_York.", proof.Message.Text);

        var off = await Commands.HandleAsync(Setup(manager: true, "off"), default);

        Assert.Contains("off", off.Text);
        Assert.Null(await TriggerAsync());
    }

    [Theory]
    [InlineData("25:00", null, "not a time")]
    [InlineData("8 am", null, "not a time")]
    [InlineData("08:00", "Mars/Olympus", "not a time zone")]
    public async Task Setup_BadInput_SaysWhatWasWrong(string time, string? zone, string message)
    {
        var reply = await Commands.HandleAsync(Setup(manager: true, time, zone), default);

        Assert.Contains(message, reply.Text);
        Assert.Null(await TriggerAsync());
    }

    [Fact]
    public async Task Setup_InADirectMessage_IsRefused()
    {
        var reply = await Commands.HandleAsync(Setup(manager: true, "08:00", guild: null), default);

        Assert.Contains("from a server", reply.Text);
    }

    [Fact]
    public async Task Wotd_ShowsTodaysWordForThisChannel()
    {
        var request = new ChatRequest("42", "Mei", "900", "wotd", new Dictionary<string, string>(), "777");

        var first = await Commands.HandleAsync(request, default);
        var again = await Commands.HandleAsync(request, default);

        Assert.StartsWith("📖 ", first.Card!.Title);
        Assert.Equal(first.Card.Title, again.Card!.Title);
    }

    [Fact]
    public async Task Setup_ChannelThatRefusesTheConfirmation_SavesNothing_AndNamesThePermissions()
    {
        Poster.Refuse = true;

        var reply = await Commands.HandleAsync(Setup(manager: true, "08:00"), default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("nothing was saved", reply.Text);
        Assert.Contains("View Channel, Send Messages and Embed Links", reply.Text);
        Assert.Null(await TriggerAsync());
        Assert.DoesNotContain(await _host.Services.GetRequiredService<WotdSchedules>().AllAsync(CancellationToken.None), s => s.ChannelId == Channel);
    }

    // The fake clock stands at 08:00 in Taipei: schedules here are for later hours, so Quartz does not fire them meanwhile.
    [Fact]
    public async Task Setup_WithoutATime_ShowsTheServersSchedules_AndWhyOneIsPaused()
    {
        await Commands.HandleAsync(Setup(manager: true, "09:00", "Asia/Taipei"), default);
        Poster.Refuse = true;
        var service = _host.Services.GetRequiredService<WordOfTheDayService>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
        Assert.Equal(PostOutcome.Refused, await service.PostIfDueAsync(Channel, zone, Poster, default));
        var attempts = Poster.Attempts;

        var status = await Commands.HandleAsync(Setup(manager: true, time: null) with { Options = new Dictionary<string, string>() }, default);
        var again = await service.PostIfDueAsync(Channel, zone, Poster, default);

        Assert.Contains("every day at 09:00 (Asia/Taipei)", status.Text);
        Assert.Contains("paused", status.Text);
        Assert.Contains("Missing Permissions", status.Text);
        Assert.Equal(PostOutcome.Refused, again);
        Assert.Equal(attempts, Poster.Attempts);
    }

    [Fact]
    public async Task Setup_AgainAfterARefusal_PostsThereAgain()
    {
        await Commands.HandleAsync(Setup(manager: true, "09:00"), default);
        Poster.Refuse = true;
        var service = _host.Services.GetRequiredService<WordOfTheDayService>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
        await service.PostIfDueAsync(Channel, zone, Poster, default);

        Poster.Refuse = false;
        await Commands.HandleAsync(Setup(manager: true, "10:00"), default);

        Assert.Equal(PostOutcome.Posted, await service.PostIfDueAsync(Channel, zone, Poster, default));
    }

    [Fact]
    public async Task Setup_FromAnotherServer_CannotChangeTheChannel()
    {
        await Commands.HandleAsync(Setup(manager: true, "08:00"), default);

        var reply = await Commands.HandleAsync(Setup(manager: true, "off", guild: "901"), default);

        Assert.Contains("another server", reply.Text);
        Assert.NotNull(await TriggerAsync());
    }
}
