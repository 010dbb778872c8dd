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

    /// <summary>How long a process holds a race it runs without renewing it; another process takes it over after that.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    /// <summary>How often a process renews its races' leases and looks for races whose process died.</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(5);

    /// <summary>How often the process running a race reads the answers and stops stored by other processes (PostgreSQL).</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, RunningRace> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);
    private readonly string _process = Guid.NewGuid().ToString("N")[..12];
    private Task _sweeping = Task.CompletedTask;

    // The transport's (Discord, console); a host without one (tests of the features alone) cannot run races.
    private IChannelMessenger? Messenger => services.GetService<IChannelMessenger>();

    public bool CanPost => Messenger is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!CanPost)
            return Task.CompletedTask;
        Sweep();
        _sweeping = Task.Run(SweepAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values.Select(r => r.Loop).Append(_sweeping)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's stop timed out; what the races stored stays, and they resume at the next start.
        }

        // Given up, so that another process (or this one's next start) takes them on at once, not after the lease.
        foreach (var raceId in _held.Keys)
        {
            try
            {
                store.Release(raceId, _process);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReleaseFailed(logger, e, raceId);
            }
        }
    }

    /// <summary>Starts running a race just stored (or resumed), unless another process runs it.</summary>
    public void Launch(RaceRecord race, bool resumed = false, bool claimed = false)
    {
        ArgumentNullException.ThrowIfNull(race);
        if (_running.ContainsKey(race.Id))
            return;
        var now = time.GetUtcNow();
        if (!claimed && !store.Claim(race.Id, _process, now, now + Lease))
            return;
        _held[race.Id] = true;
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
        using var either = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, running.Lost.Token);
        var cancellation = either.Token;
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
            // Stopping, or another process took the race over: the race is where the store says, and goes on from there.
            if (running.Lost.IsCancellationRequested)
                LogTakenOver(logger, id);
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

    // Until the deadline, everyone answered, or a stop; with a shared store in steps of Poll, reading what clicks and
    // stops on other processes stored, since this process hears only of its own.
    private async Task WaitForCloseAsync(RunningRace running, DateTimeOffset deadline, CancellationToken cancellation)
    {
        while (deadline - time.GetUtcNow() is var left && left > TimeSpan.Zero && !running.Everyone.IsCompleted && !running.Stopped.IsCompleted)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            await Task.WhenAny(Task.Delay(store.Shared && left > Poll ? Poll : left, time, waiting.Token), running.Everyone, running.Stopped);
            await waiting.CancelAsync();
            cancellation.ThrowIfCancellationRequested();
            if (store.Shared)
                ReadOthers(running);
        }
    }

    private void ReadOthers(RunningRace running)
    {
        var round = running.Open.Round;
        foreach (var answer in store.Answers(running.Race.Id).Where(a => a.Round == round))
            running.Answered(round, answer.UserId);
        if (store.Find(running.Race.Id) is { StopRequested: true })
            running.Stop();
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
}
