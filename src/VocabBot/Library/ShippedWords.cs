using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>The articles of Content:Directory, which every server may use: read through the import's <see cref="Vocabulary"/>.</summary>
internal sealed class ShippedWords(Vocabulary vocabulary, HeadwordIndex headwords, QuizPools pools) : IWordSource
{
    public IReadOnlyList<string> Headwords => vocabulary.Headwords;

    public QuizPool Pool => pools.Current;

    public IReadOnlyList<WordDocument> Find(string term) => vocabulary.Find(term);

    public IReadOnlyList<WordDocument> ByKey(string key) => vocabulary.ByKey(key);

    public IReadOnlyList<string> Complete(string? typed, int limit) => headwords.Complete(typed, limit);

    public IReadOnlyList<LibraryArticle> Articles() =>
        [.. vocabulary.Articles().OrderByDescending(a => a.Date, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Select(LibraryArticle.Of)];

    public IReadOnlyList<WordEntry> EntriesOf(string articleId) =>
        QuizPools.Distinct(vocabulary.Entries.Where(w => w.ArticleId == articleId));
}
