using VocabBot.Library;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Gives each channel every word once, in random order, before any word repeats. Only words in
/// the server's library now are candidates, so a removed word is never picked.
/// </summary>
internal sealed class WordCycle(IWotdStore store, Random random)
{
    /// <summary>The channel's next word from its server's library.</summary>
    public async Task<string?> NextAsync(string channelId, WordLibrary library, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var words = library.Headwords.Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
            return null;
        var seen = (await store.SeenAsync(channelId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = words.Where(w => !seen.Contains(w)).ToList();
        var startOver = fresh.Count == 0;
        if (startOver)
            fresh = [.. words];

        var pick = fresh[random.Next(fresh.Count)];
        await store.AddSeenAsync(channelId, pick, startOver, cancellationToken);
        return pick;
    }
}
