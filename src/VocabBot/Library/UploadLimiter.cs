namespace VocabBot.Library;

/// <summary>At most Library:UploadsPerMinute uploads per server in any sliding minute, on the app's clock.</summary>
internal sealed class UploadLimiter(TimeProvider time, Microsoft.Extensions.Options.IOptions<LibraryOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _uploads = new(StringComparer.Ordinal);

    /// <summary>Takes one upload for the server; null when allowed, else how long until the next one is.</summary>
    public TimeSpan? TryTake(string guildId)
    {
        var now = time.GetUtcNow();
        lock (_uploads)
        {
            if (!_uploads.TryGetValue(guildId, out var recent))
                _uploads[guildId] = recent = new Queue<DateTimeOffset>();
            while (recent.Count > 0 && now - recent.Peek() >= Window)
                recent.Dequeue();
            if (recent.Count >= options.Value.UploadsPerMinute)
                return recent.Peek() + Window - now;
            recent.Enqueue(now);
            // Servers that have not uploaded for a minute are not kept.
            foreach (var idle in _uploads.Where(u => u.Value.Count > 0 && now - u.Value.Last() >= Window).Select(u => u.Key).ToList())
                _uploads.Remove(idle);
            return null;
        }
    }
}
