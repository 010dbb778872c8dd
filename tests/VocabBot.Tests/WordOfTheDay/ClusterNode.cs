using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using VocabBot.Chat;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>
/// One VocabBot "process" of a cluster: the app's host composed as Program.cs does, in PostgreSQL mode, with a
/// database role of its own, so that the test can cut it off from the database the way a dead machine is cut off.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly TempFolder _data;

    private ClusterNode(string name, string role, IHost host, NodeMessenger messenger, CapturedLogs logs, TempFolder data) =>
        (Name, Role, Host, Messenger, Logs, _data) = (name, role, host, messenger, logs, data);

    public string Name { get; }

    public string Role { get; }

    public IHost Host { get; }

    public NodeMessenger Messenger { get; }

    public CapturedLogs Logs { get; }

    public static async Task<ClusterNode> StartAsync(string name, string adminConnectionString, string contentFolder,
        IReadOnlyList<string> channels, string cron, TimeProvider wordOfTheDayClock, ClusterPosts posts)
    {
        // A login role per node; superuser, so whichever node creates a table the others may use it.
        var role = $"node_{name}_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN SUPERUSER", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = role }.ConnectionString;
        var messenger = new NodeMessenger(name, posts);
        var logs = new CapturedLogs();
        var data = new TempFolder();
        var node = new ClusterNode(name, role, Build(data.Path, connectionString, contentFolder, channels, cron, wordOfTheDayClock, messenger, logs), messenger, logs, data);
        await node.Host.StartAsync();
        return node;
    }

    private static IHost Build(string data, string connectionString, string contentFolder, IReadOnlyList<string> channels, string cron,
        TimeProvider wordOfTheDayClock, NodeMessenger messenger, CapturedLogs logs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = data });
        builder.Configuration["Content:Directory"] = contentFolder;
        builder.Configuration["Content:Watch"] = "false";
        builder.Configuration["Storage:DatabasePath"] = Path.Combine(data, "vocabbot.db");
        builder.Configuration["Storage:Provider"] = "PostgreSQL";
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        // A dead node's schedules are taken over after about interval + threshold.
        builder.Configuration["WordOfTheDay:ClusterCheckinInterval"] = "00:00:01";
        builder.Configuration["WordOfTheDay:ClusterCheckinMisfireThreshold"] = "00:00:01";
        builder.Configuration["WordOfTheDay:RetryDelay"] = "00:00:00.100";
        for (var i = 0; i < channels.Count; i++)
        {
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:ChannelId"] = channels[i];
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:Cron"] = cron;
            builder.Configuration[$"WordOfTheDay:Schedules:{i}:TimeZone"] = "Etc/UTC";
        }
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton<IChannelMessenger>(messenger);
        builder.AddVocabBot(AppTransport.None);
        // Test-only: the word of the day sees each slot of the cron as a day of its own (see SlotClock); Quartz keeps real time.
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WordOfTheDayService>(sp, wordOfTheDayClock));
        return builder.Build();
    }

    /// <summary>
    /// The node dies: its posts hang from now on (a job under way never reaches Discord), and it loses the database
    /// (no login, its connections closed), so it can neither check in, fire, nor record.
    /// </summary>
    public async Task KillAsync(string adminConnectionString)
    {
        Messenger.Dead = true;
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using (var noLogin = new NpgsqlCommand($"ALTER ROLE {Role} NOLOGIN", admin))
            await noLogin.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", admin);
        terminate.Parameters.Add(new NpgsqlParameter { Value = Role });
        await terminate.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Messenger.Release();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await Host.StopAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException or AggregateException)
            {
                // A killed node cannot stop cleanly: it has no database.
            }
        }
        Host.Dispose();
        _data.Dispose();
    }
}

/// <summary>Posts a node makes, into the one list the cluster's posts are counted in; a dead node's hang.</summary>
internal sealed class NodeMessenger(string node, ClusterPosts posts) : IChannelMessenger
{
    private readonly CancellationTokenSource _released = new();
    private int _hung;

    public volatile bool Dead;

    /// <summary>Posts that were under way, or began, after the node died.</summary>
    public int Hung => Volatile.Read(ref _hung);

    public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
    {
        if (Dead)
        {
            Interlocked.Increment(ref _hung);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _released.Token);
            await Task.Delay(Timeout.Infinite, both.Token);
        }
        return posts.Add(channelId, node);
    }

    public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Release() => _released.Cancel();
}

internal sealed record ClusterPost(string Channel, string Node, DateTimeOffset At);

internal sealed class ClusterPosts(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<ClusterPost> _posts = [];

    public IReadOnlyList<ClusterPost> All
    {
        get { lock (_gate) return [.. _posts]; }
    }

    public string Add(string channel, string node)
    {
        lock (_gate)
        {
            _posts.Add(new ClusterPost(channel, node, time.GetUtcNow()));
            return _posts.Count.ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// A clock for the word of the day alone on which every slot of <paramref name="slot"/> real time, from
/// <paramref name="anchor"/> on, is one whole day: a slot's post is that "day's" post, and the production rule
/// (one post per channel per local day) becomes one post per channel per slot without being changed.
/// </summary>
internal sealed class SlotClock(DateTimeOffset anchor, TimeSpan slot) : TimeProvider
{
    private static readonly DateTimeOffset DayZero = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => At(System.GetUtcNow());

    /// <summary>What this clock reads at a real instant.</summary>
    public DateTimeOffset At(DateTimeOffset real) => DayZero + ((real - anchor) * (TimeSpan.FromDays(1) / slot));
}
