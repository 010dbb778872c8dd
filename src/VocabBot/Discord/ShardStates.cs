using System.Globalization;
using System.Text;

namespace VocabBot.Discord;

/// <summary>
/// The state of each gateway shard this process runs. The liveness file is touched only while every one of them is
/// connected (READY or RESUMED), and lists them; one shard down lets it go stale, and the health check turns red.
/// </summary>
internal sealed class ShardStates(LivenessFile liveness)
{
    private readonly Lock _lock = new();
    private SortedDictionary<int, string> _states = [];
    private int _count;

    /// <summary>Starts over with a new set of shards (at start, and after close 4011 grew the count).</summary>
    public void Reset(IReadOnlyList<int> ids, int count)
    {
        lock (_lock)
        {
            _count = count;
            _states = new(ids.ToDictionary(id => id, _ => "connecting"));
        }
    }

    public void Set(int id, string state)
    {
        lock (_lock)
        {
            if (_states.ContainsKey(id))
                _states[id] = state;
        }
    }

    /// <summary>A heartbeat ACK or READY/RESUMED on a shard: touches the liveness file if all shards are connected.</summary>
    public void Healthy()
    {
        string? report = null;
        lock (_lock)
        {
            if (_states.Count > 0 && _states.Values.All(IsConnected))
            {
                var text = new StringBuilder();
                foreach (var (id, state) in _states)
                    text.Append(CultureInfo.InvariantCulture, $"\nshard {id}/{_count} {state}");
                report = text.ToString();
            }
        }
        if (report is not null)
            liveness.Touch(report);
    }

    private static bool IsConnected(string state) => state is "READY" or "RESUMED";
}
