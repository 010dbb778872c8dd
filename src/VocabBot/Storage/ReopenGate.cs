namespace VocabBot.Storage;

/// <summary>
/// Keeps a reopen of the database from disposing the instance under a request still using it: requests hold a
/// lease while they run, and a reopen waits (bounded) until none is held, while new requests wait for the reopen.
/// LiteDB fails a read on a disposed instance with errors it does not always wrap, which a user saw as
/// "something went wrong" during a full disk.
/// </summary>
internal sealed class ReopenGate
{
    /// <summary>How long a reopen waits for requests to finish; past it, it goes on, and those requests see a storage error.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly object _lock = new(); // Monitor.Wait and PulseAll need a monitor, not a Lock
    private int _users;
    private bool _reopening;

    /// <summary>True while a reopen waits for requests or runs.</summary>
    public bool IsReopening
    {
        get
        {
            lock (_lock)
                return _reopening;
        }
    }

    /// <summary>Held by a request for as long as it may use the database.</summary>
    public Lease Enter()
    {
        lock (_lock)
        {
            // A lock's wait on other threads, not the app's clock: a wait that times out ends it.
            while (_reopening && Monitor.Wait(_lock, MaxWait))
            {
            }

            _users++;
        }

        return new Lease(this);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (a reopen, or a probe write that may fail and need one) once no request holds a
    /// lease, or after <see cref="MaxWait"/>; requests arriving meanwhile wait for it. It may call this again inside.
    /// </summary>
    public void Alone(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_lock)
        {
            _reopening = true;
            try
            {
                // Only leaving requests pulse (new ones wait), so this ends once they are gone or one wait times out.
                while (_users > 0 && Monitor.Wait(_lock, MaxWait))
                {
                }

                work();
            }
            finally
            {
                _reopening = false;
                Monitor.PulseAll(_lock);
            }
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            _users--;
            Monitor.PulseAll(_lock);
        }
    }

    internal sealed class Lease(ReopenGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                gate.Leave();
        }
    }
}
