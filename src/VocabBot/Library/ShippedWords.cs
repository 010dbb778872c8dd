using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>The articles of Content:Directory, which every server may use: read through the import's <see cref="Vocabulary"/>.</summary>
internal sealed class ShippedWords(Vocabulary vocabulary, HeadwordIndex headwords, QuizPools pools) : IWordSource
{
    private volatile BuiltIndex? _chinese;
    private volatile BuiltArticles? _articles;

    public IReadOnlyList<string> Headwords => vocabulary.Headwords;

    public QuizPool Pool => pools.Current;

    public IReadOnlyList<WordDocument> Find(string term) =>
        !ChineseIndex.IsChinese(term) ? vocabulary.Find(term) : Chinese.Find(term) is { } key ? vocabulary.ByKey(key) : [];

    public IReadOnlyList<WordDocument> ByKey(string key) => vocabulary.ByKey(key);

    public IReadOnlyList<string> Complete(string? typed, int limit) =>
        ChineseIndex.IsChinese(typed) ? Chinese.Complete(typed, limit) : headwords.Complete(typed, limit);

    // Built from the quiz pool's entries, which are read in the background at start and after each import.
    private ChineseIndex Chinese
    {
        get
        {
            var entries = pools.Current.Words;
            if (_chinese is { } built && ReferenceEquals(built.Entries, entries))
                return built.Index;
            var index = new ChineseIndex(entries);
            _chinese = new BuiltIndex(entries, index);
            return index;
        }
    }

    private sealed record BuiltIndex(IReadOnlyList<WordEntry> Entries, ChineseIndex Index);

    /// <summary>
    /// Newest first, read from the database once per import (every import replaces <see cref="Vocabulary.Headwords"/>),
    /// not on each /quiz and /review: reading 1,000 articles took those 30 ms a call.
    /// </summary>
    public IReadOnlyList<LibraryArticle> Articles()
    {
        var imported = vocabulary.Headwords;
        if (_articles is { } built && ReferenceEquals(built.Imported, imported))
            return built.Articles;
        LibraryArticle[] articles = [.. vocabulary.Articles().OrderByDescending(a => a.Date, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Select(LibraryArticle.Of)];
        _articles = new BuiltArticles(imported, articles);
        return articles;
    }

    private sealed record BuiltArticles(IReadOnlyList<string> Imported, IReadOnlyList<LibraryArticle> Articles);

    public IReadOnlyList<WordEntry> EntriesOf(string articleId) =>
        QuizPools.Distinct(vocabulary.Entries.Where(w => w.ArticleId == articleId));
}
