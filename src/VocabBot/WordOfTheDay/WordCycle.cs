using VocabBot.Content;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Gives each channel every word once, in random order, before any word repeats. Only words in
/// the content now are candidates, so a removed word is never picked.
/// </summary>
internal sealed class WordCycle(IWotdStore store, Vocabulary vocabulary, Random random)
{
    public async Task<string?> NextAsync(string channelId, CancellationToken cancellationToken)
    {
        var words = vocabulary.Headwords;
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
