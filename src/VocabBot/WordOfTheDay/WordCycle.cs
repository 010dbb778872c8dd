using LiteDB;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Gives each channel every word once, in random order, before any word repeats. Only words in
/// the content now are candidates, so a removed word is never picked.
/// </summary>
internal sealed class WordCycle(VocabDatabase database, Vocabulary vocabulary, Random random)
{
    private ILiteCollection<WotdHistoryDocument> _history => database.Collection<WotdHistoryDocument>("wotd_history");

    public string? Next(string channelId)
    {
        var words = vocabulary.Headwords;
        if (words.Count == 0)
            return null;
        var history = _history.FindById(channelId) ?? new WotdHistoryDocument { Id = channelId };
        var seen = history.Seen.ToHashSet(StringComparer.Ordinal);
        var fresh = words.Where(w => !seen.Contains(w)).ToList();
        if (fresh.Count == 0)
        {
            history.Seen.Clear();
            fresh = [.. words];
        }

        var pick = fresh[random.Next(fresh.Count)];
        history.Seen.Add(pick);
        _history.Upsert(history);
        return pick;
    }
}
