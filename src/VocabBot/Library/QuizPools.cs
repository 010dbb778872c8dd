using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// The quiz pool of the current import: one entry per headword, grouped. Reading 40,000 entries and grouping them
/// takes about half a second, so it is built in the background when the host starts and again after each import
/// (<see cref="Vocabulary.Refreshed"/>), not inside the first /quiz; a /quiz that comes while it is being built waits
/// for that build rather than starting another.
/// </summary>
internal sealed partial class QuizPools(Vocabulary vocabulary, ILogger<QuizPools> logger) : IHostedService
{
    private readonly Lock _building = new();
    private volatile CachedPool? _pool;
    private int _builtOnRequest;

    /// <summary>How many times a command found the pool missing or out of date and built it itself.</summary>
    public int BuiltOnRequest => _builtOnRequest;

    /// <summary>Completes when the build started with the host has finished.</summary>
    public Task Warmed { get; private set; } = Task.CompletedTask;

    public QuizPool Current
    {
        get
        {
            if (_pool is { } cached && ReferenceEquals(cached.Entries, vocabulary.Entries))
                return cached.Pool;
            return Build(onRequest: true);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        vocabulary.Refreshed += WarmInBackground;
        WarmInBackground();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        vocabulary.Refreshed -= WarmInBackground;
        return Task.CompletedTask;
    }

    private void WarmInBackground() => Warmed = Task.Run(() =>
    {
        try
        {
            Build(onRequest: false);
        }
        catch (Exception e)
        {
            // The next /quiz builds it, and says what is wrong if it still cannot.
            LogWarmFailed(logger, e);
        }
    });

    private QuizPool Build(bool onRequest)
    {
        lock (_building)
        {
            var entries = vocabulary.Entries;
            if (_pool is { } cached && ReferenceEquals(cached.Entries, entries))
                return cached.Pool;
            var started = Stopwatch.GetTimestamp();
            var pool = new QuizPool(Distinct(entries));
            _pool = new CachedPool(entries, pool);
            if (onRequest)
                Interlocked.Increment(ref _builtOnRequest);
            LogBuilt(logger, pool.Words.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, onRequest ? "for a command" : "in the background");
            return pool;
        }
    }

    public static List<WordEntry> Distinct(IEnumerable<WordEntry> words) =>
        words.GroupBy(w => w.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private sealed record CachedPool(IReadOnlyList<WordEntry> Entries, QuizPool Pool);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Built the quiz pool of {Words} words in {Milliseconds:0} ms {How}")]
    private static partial void LogBuilt(ILogger logger, int words, double milliseconds, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the quiz pool in the background failed")]
    private static partial void LogWarmFailed(ILogger logger, Exception exception);
}
