using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocabBot.Chat;

namespace VocabBot.Tests.Discord;

/// <summary>
/// The real host, built by the same composition as Program.cs (AddVocabBot) and pointed at a
/// <see cref="FakeDiscord"/> through Discord:ApiBaseUrl, with short timings. Pass no stand-in to run
/// the real features' commands, and a fake clock to drive the bot's timeouts, backoffs and windows.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly bool _ownsDiscord;
    private readonly string? _ownedFolder;

    private BotHarness(FakeDiscord discord, bool ownsDiscord, IHost host, CapturedLogs logs, string token, string? ownedFolder)
    {
        Discord = discord;
        _ownsDiscord = ownsDiscord;
        Host = host;
        Logs = logs;
        Token = token;
        _ownedFolder = ownedFolder;
    }

    public FakeDiscord Discord { get; }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public string Token { get; }

    public static async Task<BotHarness> StartAsync(
        StandInLearning? learning,
        FakeDiscord? discord = null,
        string? databaseFolder = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var ownsDiscord = discord is null;
        discord ??= await FakeDiscord.StartAsync();
        var ownedFolder = databaseFolder is null ? Directory.CreateTempSubdirectory("vocabbot-discord-").FullName : null;
        var folder = databaseFolder ?? ownedFolder!;
        var token = "test-token-" + Guid.NewGuid().ToString("N");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Testing",
            ContentRootPath = folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "vocabbot.db"),
            ["Content:Directory"] = Paths.Library,
            ["Content:Watch"] = "false",
            ["Discord:Token"] = token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:DeferAfter"] = "00:00:01",
            ["Discord:ReconnectDelay"] = "00:00:00.050",
            ["Discord:ReconnectMaxDelay"] = "00:00:00.400",
            ["Discord:InvalidSessionMinDelay"] = "00:00:00.050",
            ["Discord:InvalidSessionMaxDelay"] = "00:00:00.100",
            ["Discord:RestRetryDelay"] = "00:00:00.020",
            ["Discord:RestTimeout"] = "00:00:05",
            // Discord's 5 s between identifies would slow every test that makes the bot identify again.
            ["Discord:IdentifyInterval"] = "00:00:00.050",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
            // A fake clock moves in jumps: heartbeats every 300 ms of it would race their ACKs and make zombies.
            discord.Gateway.HeartbeatInterval = TimeSpan.FromHours(1);
        }
        builder.AddVocabBot(AppTransport.Discord);
        if (learning is not null)
            builder.Services.AddSingleton(learning.Router());
        var host = builder.Build();
        await host.StartAsync();
        return new BotHarness(discord, ownsDiscord, host, logs, token, ownedFolder);
    }

    public IChannelMessenger Messenger => Host.Services.GetRequiredService<IChannelMessenger>();

    /// <summary>Channel posts straight through the REST client, to see Discord's errors as the client reports them.</summary>
    public RestPoster Poster => new(Host.Services.GetRequiredService<VocabBot.Discord.DiscordRestClient>());

    /// <summary>Until the bot has taken in READY (it logs so), not just until the fake sent it.</summary>
    public Task WaitUntilReadyAsync() => Logs.WaitForAsync("connected to the Discord gateway (READY)");

    /// <summary>Dispatches an interaction and returns the bot's callback to it.</summary>
    public async Task<RecordedRequest> InteractAsync(JsonObject interaction)
    {
        await Discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        try
        {
            return await Discord.CallbackAsync((string)interaction["id"]!);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nBot log:\n{string.Join("\n", Logs.Lines)}\nRequests:\n{string.Join("\n", Discord.Requests.Select(r => $"{r.Status} {r.Method} {r.Path}"))}", ex);
        }
    }

    public static string RepositoryRoot() => Paths.RepositoryRoot;

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await Host.StopAsync(stop.Token);
        Host.Dispose();
        if (_ownsDiscord)
            await Discord.DisposeAsync();
        if (_ownedFolder is not null)
            Directory.Delete(_ownedFolder, recursive: true);
    }
}

/// <summary>Posts a reply to a channel through the REST client alone (no refusal mapping, no nonce).</summary>
internal sealed class RestPoster(VocabBot.Discord.DiscordRestClient rest)
{
    public Task PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken) =>
        rest.SendAsync(VocabBot.Discord.DiscordRoute.CreateMessage(channelId), VocabBot.Discord.MessageRenderer.Render(message, allowEphemeral: false), cancellationToken);
}
