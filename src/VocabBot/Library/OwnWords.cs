using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// A server's own articles held in memory: their words by key and by marked form, the sorted keys for autocomplete
/// and the quiz pool. Built once per change of that server's library, so its size follows the words it holds.
/// </summary>
internal sealed class OwnWords : IWordSource
{
    private readonly Dictionary<string, WordDocument[]> _byKey;
    private readonly Dictionary<string, string[]> _keysByMarkedForm;
    private readonly HeadwordIndex _index;
    private readonly ChineseIndex _chinese;
    private readonly IReadOnlyList<LibraryArticle> _articles;

    public OwnWords(IReadOnlyList<ServerArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var newestFirst = articles.OrderByDescending(a => a.Date, StringComparer.Ordinal).ThenByDescending(a => a.AddedAt).ToList();
        _articles = [.. newestFirst.Select(LibraryArticle.Of)];
        var words = newestFirst.SelectMany(a => a.Words.Select(w => Slim(w, a))).ToList();
        var (headwords, copyOf) = SideBySide(words);
        _byKey = words.GroupBy(w => w.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _keysByMarkedForm = newestFirst.SelectMany(a => a.MarkedForms)
            .GroupBy(f => f.Form, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => copyOf.GetValueOrDefault(f.Key, f.Key)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Headwords = headwords;
        _index = new HeadwordIndex(() => Headwords);
        _index.Prepare();
        Pool = new QuizPool([.. words.Select(WordEntry.Of).DistinctBy(w => w.Key)]);
        _chinese = new ChineseIndex(Pool.Words);
    }

    public IReadOnlyList<string> Headwords { get; }

    // A stored word carries its own copies of its article's title, date, link and name: thirty copies an article
    // once read back, most of a server's memory (docs/PERFORMANCE.md). The article's own strings are shared instead.
    private static WordDocument Slim(WordDocument word, ServerArticle article)
    {
        word.ArticleId = article.Name;
        word.ArticleTitle = article.Title;
        word.ArticleDate = article.Date;
        word.ArticleLink = article.Link;
        return word;
    }

    /// <summary>
    /// Each key once, the copies made one after another in sorted order, and every word given its key's copy. As read
    /// from the store the keys lie scattered among their words, and an autocomplete in a server whose library is not in
    /// the CPU's caches waited for each key its binary search and its run of results read; side by side they are a few
    /// adjacent cache lines (in random servers among 1,000, autocomplete p99 went from about 20 to 4.6-6.1 µs;
    /// docs/PERFORMANCE.md). The strings read from the store are then garbage, so this costs no memory.
    /// </summary>
    private static (string[] Sorted, Dictionary<string, string> CopyOf) SideBySide(List<WordDocument> words)
    {
        string[] sorted = [.. words.Select(w => w.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(key => new string(key.AsSpan()))];
        var copyOf = sorted.ToDictionary(key => key, StringComparer.Ordinal);
        foreach (var word in words)
            word.Key = copyOf[word.Key];
        return (sorted, copyOf);
    }

    public QuizPool Pool { get; }

    public IReadOnlyList<WordDocument> Find(string term)
    {
        if (ChineseIndex.IsChinese(term))
            return _chinese.Find(term) is { } meaningOf ? ByKey(meaningOf) : [];
        foreach (var key in Inflections.CandidateKeys(term))
        {
            if (_byKey.TryGetValue(key, out var entries))
                return entries;
        }

        foreach (var form in Inflections.CandidateKeys(term))
        {
            if (_keysByMarkedForm.TryGetValue(form, out var keys))
                return [.. keys.SelectMany(ByKey)];
        }

        return [];
    }

    public IReadOnlyList<WordDocument> ByKey(string key) => _byKey.GetValueOrDefault(key) ?? [];

    public IReadOnlyList<string> Complete(string? typed, int limit) =>
        ChineseIndex.IsChinese(typed) ? _chinese.Complete(typed, limit) : _index.Complete(typed, limit);

    public IReadOnlyList<LibraryArticle> Articles() => _articles;

    public IReadOnlyList<WordEntry> EntriesOf(string articleId) =>
        [.. Pool.Words.Where(w => w.ArticleId == articleId)];
}
