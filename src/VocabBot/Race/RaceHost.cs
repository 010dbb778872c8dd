using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VocabBot.Chat;

namespace VocabBot.Race;

/// <summary>
/// Runs the races of this process, one loop each, on the app's clock: posts a round's question, waits for its deadline
/// (or, from the second round on, for every player), closes it, edits the question into the round's result, pauses,
/// and after the last round posts the results. At start-up it resumes every race the store has running, from where
/// the store says it is: a round closed before a stop is never closed again, an open one goes on to its deadline, and
/// a race whose time ran out while the bot was down is ended with results.
/// </summary>
internal sealed partial class RaceHost(IRaceStore store, RaceRounds rounds, RaceMessages messages, IServiceProvider services, TimeProvider time,
    ILogger<RaceHost> logger) : IHostedService, IDisposable
{
    /// <summary>Between a round's result and the next question.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);

    /// <summary>After a race's loop failed unexpectedly, before it carries on from the store.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, RunningRace> _running = new(StringComparer.Ordinal);

    // The transport's (Discord, console); a host without one (tests of the features alone) cannot run races.
    private IChannelMessenger? Messenger => services.GetService<IChannelMessenger>();

    public bool CanPost => Messenger is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!CanPost)
            return Task.CompletedTask;
        foreach (var race in store.Running())
            Launch(race, resumed: true);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values.Select(r => r.Loop)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's stop timed out; what the races stored stays, and they resume at the next start.
        }
    }

    /// <summary>Starts running a race just stored (or resumed).</summary>
    public void Launch(RaceRecord race, bool resumed = false)
    {
        ArgumentNullException.ThrowIfNull(race);
        var running = new RunningRace(race);
        if (_running.TryAdd(race.Id, running))
            running.Loop = Task.Run(() => RunAsync(running, resumed));
    }

    /// <summary>The race as this process runs it, or null when it does not.</summary>
    public RunningRace? Find(string raceId) => _running.GetValueOrDefault(raceId);

    /// <summary>An answer was stored: the round may close now that everyone answered.</summary>
    public void Answered(string raceId, int round, string userId) => Find(raceId)?.Answered(round, userId);

    /// <summary>A stop was stored: the race ends now rather than at its next deadline.</summary>
    public void Stop(string raceId) => Find(raceId)?.Stop();

    private async Task RunAsync(RunningRace running, bool resumed)
    {
        var id = running.Race.Id;
        var cancellation = _stopping.Token;
        ChatCulture.Use(running.Race.Locale); // the race's posts are in its server's language
        try
        {
            while (true)
            {
                try
                {
                    await PlayAsync(running, resumed, cancellation);
                    return;
                }
                catch (ChannelRefusedException e)
                {
                    LogRefused(logger, id, e.Reason);
                    store.Finish(id);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Storage that cannot write for a moment, a chat that keeps failing: the store still says where the race is.
                    LogFailed(logger, e, id, RetryDelay.TotalSeconds);
                    resumed = true;
                    await Task.Delay(RetryDelay, time, cancellation);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping: the race is where the store says, and the next start resumes it.
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    private async Task PlayAsync(RunningRace running, bool resumed, CancellationToken cancellation)
    {
        var id = running.Race.Id;
        var race = store.Find(id);
        var answers = store.Answers(id);
        running.AddPlayers(answers.Where(a => race is not null && a.Round < race.Current).Select(a => a.UserId));
        var endNow = resumed && race is not null && TimeRanOut(race);
        while (race is { Finished: false })
        {
            if (race.RoundOpen)
            {
                // Begin before reading the answers: a click stored after the read is reported to the running race.
                running.Begin(race.Current, race.Deadline);
                foreach (var answer in store.Answers(id).Where(a => a.Round == race.Current))
                    running.Answered(race.Current, answer.UserId);
                if (race.MessageId is null)
                    race.MessageId = await PostQuestionAsync(race, running.Players, cancellation);
                if (!endNow && !race.StopRequested)
                    await WaitForCloseAsync(running, race.Deadline, cancellation);
                var closedAt = time.GetUtcNow();
                if (rounds.Close(race, race.Current))
                    LogRoundClosed(logger, id, race.Current + 1, (closedAt - race.Deadline).TotalMilliseconds);
                race = store.Find(id)!;
            }

            answers = store.Answers(id);
            running.End();
            var last = endNow || race.StopRequested || race.Current + 1 >= race.Questions.Count;
            var result = messages.RoundResult(race, race.Current, answers, last ? null : time.GetUtcNow() + Pause);
            if (race.MessageId is { } messageId)
                await EditAsync(race.ChannelId, messageId, result, cancellation);
            if (!last)
            {
                await Task.WhenAny(Task.Delay(Pause, time, cancellation), running.Stopped);
                cancellation.ThrowIfCancellationRequested();
                race = store.Find(id)!;
                if (!race.StopRequested && store.OpenRound(id, race.Current + 1, time.GetUtcNow() + race.AnswerTime))
                {
                    race = store.Find(id)!;
                    continue;
                }

                race = store.Find(id)!;
            }

            await Messenger!.PostAsync(race.ChannelId, messages.Results(race, answers), cancellation);
            store.Finish(id);
            LogFinished(logger, id, race.Closed + 1);
            break;
        }
    }

    private async Task<string> PostQuestionAsync(RaceRecord race, int players, CancellationToken cancellation)
    {
        var messageId = await Messenger!.PostAsync(race.ChannelId, messages.Question(race, players), cancellation);
        store.SetMessage(race.Id, race.Current, messageId);
        return messageId;
    }

    private async Task WaitForCloseAsync(RunningRace running, DateTimeOffset deadline, CancellationToken cancellation)
    {
        var left = deadline - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
            return;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        await Task.WhenAny(Task.Delay(left, time, waiting.Token), running.Everyone, running.Stopped);
        await waiting.CancelAsync();
        cancellation.ThrowIfCancellationRequested();
    }

    // An edit that fails (after the REST client's retries) leaves the question showing; the race goes on regardless.
    private async Task EditAsync(string channelId, string messageId, ChatReply result, CancellationToken cancellation)
    {
        try
        {
            await Messenger!.EditAsync(channelId, messageId, result, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ChannelRefusedException)
        {
            LogEditFailed(logger, e, channelId);
        }
    }

    // The race would have ended by now had the bot been up: it ends with the rounds it had.
    private bool TimeRanOut(RaceRecord race) =>
        time.GetUtcNow() >= race.Deadline + (race.Questions.Count - 1 - race.Current) * (race.AnswerTime + Pause);

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Race {RaceId} closed round {Round}, {LateMs:0} ms after its deadline")]
    private static partial void LogRoundClosed(ILogger logger, string raceId, int round, double lateMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Race {RaceId} finished after {Rounds} round(s)")]
    private static partial void LogFinished(ILogger logger, string raceId, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Race {RaceId} ended: its channel refused the bot ({Reason})")]
    private static partial void LogRefused(ILogger logger, string raceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing a race question in channel {ChannelId} failed; the race goes on")]
    private static partial void LogEditFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Race {RaceId} failed; it carries on from the store in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string raceId, double seconds);
}
