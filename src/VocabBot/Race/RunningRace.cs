namespace VocabBot.Race;

/// <summary>
/// What the process running a race keeps in memory to close a round early: the race's players (everyone who answered
/// an earlier round) and who answered the open round. Only a hint to wake the race up; what counts is in the store.
/// </summary>
internal sealed class RunningRace(RaceRecord race)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _players = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<string> _answered = new(StringComparer.Ordinal);
    private TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _round = -1;
    private DateTimeOffset _deadline;

    /// <summary>The race as it started: its questions do not change.</summary>
    public RaceRecord Race { get; } = race;

    /// <summary>The loop that runs the race.</summary>
    public Task Loop { get; set; } = Task.CompletedTask;

    /// <summary>Completes when a stop was asked for.</summary>
    public Task Stopped => _stop.Task;

    /// <summary>Completes when every player has answered the open round (from the second round on).</summary>
    public Task Everyone
    {
        get
        {
            lock (_gate)
                return _everyone.Task;
        }
    }

    public int Players
    {
        get
        {
            lock (_gate)
                return _players.Count;
        }
    }

    /// <summary>The open round and its deadline; round -1 between rounds.</summary>
    public (int Round, DateTimeOffset Deadline) Open
    {
        get
        {
            lock (_gate)
                return (_round, _deadline);
        }
    }

    public void AddPlayers(IEnumerable<string> userIds)
    {
        lock (_gate)
            _players.UnionWith(userIds);
    }

    public void Begin(int round, DateTimeOffset deadline)
    {
        lock (_gate)
        {
            (_round, _deadline, _answered) = (round, deadline, new HashSet<string>(StringComparer.Ordinal));
            _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The round is closed: its answerers are players from now on.</summary>
    public void End()
    {
        lock (_gate)
        {
            _players.UnionWith(_answered);
            _round = -1;
        }
    }

    public void Answered(int round, string userId)
    {
        lock (_gate)
        {
            if (round != _round)
                return;
            _answered.Add(userId);
            CheckEveryone();
        }
    }

    public void Stop() => _stop.TrySetResult();

    /// <summary>Cancelled when another process took the race over (this one's lease ran out): this loop ends, posting nothing.</summary>
    public CancellationTokenSource Lost { get; } = new();

    // The first round always runs its full time; a race nobody has played yet has no "everyone".
    private void CheckEveryone()
    {
        if (_round > 0 && _players.Count > 0 && _players.IsSubsetOf(_answered))
            _everyone.TrySetResult();
    }
}
