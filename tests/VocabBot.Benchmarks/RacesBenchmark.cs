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
/// Many races at once through the real host on the real clock, each in its own channel with its own players, with a
/// chat that takes a given time per post and edit: how late each round closes after its deadline, and how long a
/// click waits for its "Locked in". Each player answers a question with probability 0.9 at a random moment within it,
/// so most rounds run to their deadline and some close early, when all their players are in.
/// </summary>
public static class RacesBenchmark
{
    private const string Guild = "bench";

    public static async Task RunAsync(int races, int players, int rounds, int seconds, int callMilliseconds)
    {
        var folder = Directory.CreateTempSubdirectory("vocabbot-races-bench-").FullName;
        try
        {
            await RunOnceAsync(folder, races, players, rounds, seconds, TimeSpan.FromMilliseconds(callMilliseconds));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunOnceAsync(string folder, int races, int players, int rounds, int seconds, TimeSpan perCall)
    {
        var content = Path.Combine(folder, "content");
        Corpus.Write(content, articles: 20);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "vocabbot.db"),
            ["Content:Directory"] = content,
            ["Content:Watch"] = "false",
        });
        var closes = new CloseLog();
        builder.Logging.AddProvider(closes).SetMinimumLevel(LogLevel.Debug);
        var chat = new SlowChat(perCall);
        builder.Services.AddSingleton<IChannelMessenger>(chat);
        builder.AddVocabBot(AppTransport.None);
        using var host = builder.Build();
        await host.StartAsync();
        var router = host.Services.GetRequiredService<ChatRouter>();

        var clicks = new ConcurrentBag<double>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var pending = new ConcurrentBag<Task>();
        chat.Question = (channel, buttons) => pending.Add(Task.Run(() => PlayAsync(router, channel, buttons, players, seconds, clicks, outcomes)));

        var started = Stopwatch.StartNew();
        for (var i = 0; i < races; i++)
        {
            var channel = (300_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var options = new Dictionary<string, string> { ["rounds"] = $"{rounds}", ["seconds"] = $"{seconds}" };
            var reply = await router.HandleAsync(new ChatRequest("starter", "Starter", Guild, "race", options, channel) { Subcommand = "start" }, CancellationToken.None);
            if (!reply.Text.StartsWith("Your race starts now", StringComparison.Ordinal))
                throw new InvalidOperationException(reply.Text);
        }

        Console.WriteLine(FormattableString.Invariant($"{races} races started in {started.Elapsed.TotalSeconds:0.0} s"));
        var bound = TimeSpan.FromSeconds(rounds * (seconds + 3) + 60);
        while (chat.Results < races && started.Elapsed < bound)
            await Task.Delay(200);
        await Task.WhenAll(pending);
        await host.StopAsync();

        var late = closes.Late.Where(l => l >= 0).Order().ToArray();
        var early = closes.Late.Count(l => l < 0);
        var acks = clicks.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"races {races} x {players} players x {rounds} rounds of {seconds} s, {perCall.TotalMilliseconds:0} ms a post or edit: {chat.Results} finished in {started.Elapsed.TotalSeconds:0.0} s; {closes.Late.Count} rounds closed ({late.Length} at the deadline, {early} early, all players in); {closes.Problems} warnings or errors logged"));
        Console.WriteLine(FormattableString.Invariant(
            $"    round close after deadline   p50 {Percentile.Of(late, 0.5),7:F1}  p99 {Percentile.Of(late, 0.99),7:F1}  max {late[^1],7:F1} ms"));
        Console.WriteLine(FormattableString.Invariant(
            $"    click to Locked in ({acks.Length} clicks) p50 {Percentile.Of(acks, 0.5),7:F1}  p99 {Percentile.Of(acks, 0.99),7:F1}  max {acks[^1],7:F1} ms; {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value} {o.Key}"))}"));
    }

    // Each player of the race answers this question (or not) at a random moment within its time.
    private static async Task PlayAsync(ChatRouter router, string channel, IReadOnlyList<ChatButton> buttons, int players, int seconds,
        ConcurrentBag<double> clicks, ConcurrentDictionary<string, int> outcomes)
    {
        await Task.WhenAll(Enumerable.Range(0, players).Where(_ => Random.Shared.NextDouble() < 0.9).Select(async player =>
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5 + (Random.Shared.NextDouble() * (seconds - 1.5))));
            var user = $"{channel}-{player}";
            var start = Stopwatch.GetTimestamp();
            var reply = await router.ClickAsync(new ButtonClick(user, $"Player {player}", Guild, buttons[Random.Shared.Next(buttons.Count)].Id, channel), CancellationToken.None);
            clicks.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            outcomes.AddOrUpdate(reply.Text.StartsWith("Locked in", StringComparison.Ordinal) ? "locked in" : reply.Text, 1, (_, n) => n + 1);
        }));
    }

    /// <summary>A chat that takes <paramref name="perCall"/> for each post and edit, as Discord takes its round trip.</summary>
    private sealed class SlowChat(TimeSpan perCall) : IChannelMessenger
    {
        private int _ids;
        private int _results;

        public Action<string, IReadOnlyList<ChatButton>>? Question { get; set; }

        public int Results => _results;

        public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
        {
            await Task.Delay(perCall, cancellationToken);
            if (message.ButtonList.Count > 0)
                Question?.Invoke(channelId, message.ButtonList);
            else if (message.Text.StartsWith("🏆", StringComparison.Ordinal))
                Interlocked.Increment(ref _results);
            return Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        }

        public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) => Task.Delay(perCall, cancellationToken);
    }

    /// <summary>Reads each round's lateness from the race host's log (LateMs), and counts warnings and errors.</summary>
    private sealed class CloseLog : ILoggerProvider, ILogger
    {
        private int _problems;

        public ConcurrentBag<double> Late { get; } = [];

        public int Problems => _problems;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && Interlocked.Increment(ref _problems) <= 5)
                Console.Error.WriteLine($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "LateMs").Value is double late)
                Late.Add(late);
        }

        public void Dispose()
        {
        }
    }
}
